package dev.jsock.cli;

import picocli.CommandLine.Command;

/** The top-level command: only subcommands, --help and --version. */
@Command(
        name = "jsock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deploys systemd socket-activated services from Ansible-syntax playbooks.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  jsock apply playbooks/webapp.yml --lab        deploy to a local lab host (booted if needed)",
            "  jsock apply site.yml -i inventory -l web -C -D  dry run with diffs on group 'web'",
            "  jsock render site.yml -i inventory -o out/      write the unit files jsock would install",
            "  jsock teardown --name webapp -i inventory       remove a socket and its service",
            "  jsock status -i inventory --json                listening sockets and activation counts",
            "",
            "Exit codes: 0 ok, 1 error, 2 a host failed, 4 unreachable host or parse error, 5 bad options, 99 interrupted."
        })
public final class JsockCommand implements Runnable {
    /**
     * The subcommands in help order. They are added by {@link Main#commandLine} rather than listed
     * in the annotation, so that a run builds picocli's model (reflection over every option of every
     * command, ~40 ms) only for the subcommand it runs.
     */
    static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("apply", ApplyCommand::new);
        m.put("teardown", TeardownCommand::new);
        m.put("render", RenderCommand::new);
        m.put("status", StatusCommand::new);
        m.put("lab", LabCommand::new);
        m.put("completion", CompletionCommand::new);
        return java.util.Collections.unmodifiableMap(m);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

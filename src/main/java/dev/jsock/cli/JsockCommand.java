package dev.jsock.cli;

import picocli.CommandLine.Command;

/** The top-level command: only subcommands, --help and --version. */
@Command(
        name = "jsock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deploys systemd socket-activated services from Ansible-syntax playbooks.",
        subcommands = {
            ApplyCommand.class,
            TeardownCommand.class,
            RenderCommand.class,
            StatusCommand.class,
            LabCommand.class,
            CompletionCommand.class
        },
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
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

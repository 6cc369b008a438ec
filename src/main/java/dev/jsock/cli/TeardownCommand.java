package dev.jsock.cli;

import dev.jsock.exec.RunListener;
import dev.jsock.exec.TaskMode;
import dev.jsock.model.Play;
import dev.jsock.model.Playbook;
import dev.jsock.model.RoleRef;
import dev.jsock.model.UserError;
import dev.jsock.report.HumanReporter;
import dev.jsock.report.JsonReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Removes sockets in systemd's safe order by running the systemd_socket role with
 * socket_state=absent: for the sockets a playbook deploys, for named sockets, or (no argument)
 * for every socket recorded in the targeted hosts' manifests.
 */
@Command(name = "teardown", mixinStandardHelpOptions = true,
        description = "Stop and remove socket units in the right order (socket, service and instances, files, daemon-reload, reset-failed).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  jsock teardown playbooks/webapp.yml -i inventory/lab   # the sockets this playbook deploys",
            "  jsock teardown --name webapp --name echo -l web            # named sockets",
            "  jsock teardown --yes                                       # every socket jsock installed (from the manifests)",
            "  jsock teardown --name webapp -C                            # show what would go"
        })
final class TeardownCommand implements Callable<Integer> {
    static final String ROLE = "systemd_socket";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAYBOOK", description = "Tear down the sockets this playbook deploys with the systemd_socket role.")
    Path playbook;

    @Option(names = "--name", paramLabel = "SOCKET", description = "A socket to remove (repeatable).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Do not ask before removing every socket in the manifests.")
    boolean yes;

    @Mixin
    RunOptions options;

    @Mixin
    HostKeyOptions hostKeys;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (playbook != null && !names.isEmpty()) throw UserError.options("give a PLAYBOOK or --name, not both");
        for (String n : names) {
            if (!NAME.matcher(n).matches()) throw UserError.options("not a valid socket name: '" + n + "'");
        }
        Path tmp = null;
        try {
            Path file = playbook;
            if (file == null) {
                if (names.isEmpty() && !confirmed(err)) return ExitCodes.ERROR;
                tmp = Files.createTempDirectory("jsock-teardown");
                file = tmp.resolve("teardown.yml");
                Files.writeString(file, names.isEmpty() ? fromManifests() : forNames(names), StandardCharsets.UTF_8);
            }
            RunSetup setup = new RunSetup(options, file, Workspace.inventories(options.inventories),
                    playbook == null ? pb -> pb : TeardownCommand::onlySocketRoles, hostKeys.policy());
            RunListener listener = options.json
                    ? new JsonReporter(out, Clock.systemUTC())
                    : new HumanReporter(out, Terminal.colors(), options.verbosity(), options.diff);
            return Interrupts.run(() -> ExitCodes.of(setup.runner(listener, TaskMode.LIVE, hostKeys.policy()).run(setup.playbook), options.detailedExitCodes));
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    private boolean confirmed(PrintWriter err) {
        if (yes) return true;
        if (System.console() == null) {
            err.println("ERROR! teardown without PLAYBOOK or --name removes every socket jsock installed; add --yes to confirm (no terminal to ask on).");
            return false;
        }
        String answer = System.console().readLine("Remove every socket jsock installed on the targeted hosts? [y/N] ");
        return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }

    /** Keeps, from each play, only the systemd_socket role entries, switched to socket_state=absent. */
    static Playbook onlySocketRoles(Playbook pb) {
        List<Play> plays = new ArrayList<>();
        for (Play p : pb.plays()) {
            List<RoleRef> refs = new ArrayList<>();
            for (RoleRef r : p.roles()) {
                if (!r.role().name().equals(ROLE)) continue;
                Map<String, Object> params = new LinkedHashMap<>(r.params());
                params.put("socket_state", "absent");
                refs.add(new RoleRef(r.role(), params, r.when(), r.tags(), r.source()));
            }
            if (refs.isEmpty()) continue;
            plays.add(new Play(p.name(), p.hosts(), withAbsent(p.vars()), p.varsFiles(), p.become(), p.becomeUser(), false, null,
                    p.anyErrorsFatal(), List.of(), refs, List.of(), List.of(), List.of(), p.tags(), p.baseDir(), p.source(), p.environment()));
        }
        if (plays.isEmpty()) {
            throw UserError.options(pb.path() + " deploys no socket with the " + ROLE + " role (roles: entries); use --name instead");
        }
        return new Playbook(pb.path(), plays);
    }

    private static Map<String, Object> withAbsent(Map<String, Object> vars) {
        Map<String, Object> v = new LinkedHashMap<>(vars);
        v.put("socket_state", "absent");
        return v;
    }

    static String forNames(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append("- name: Remove socket ").append(n).append("\n  hosts: all\n  gather_facts: false\n  become: true\n")
                    .append("  roles:\n    - role: ").append(ROLE).append("\n      socket_name: ").append(n)
                    .append("\n      socket_state: absent\n");
        }
        return sb.toString();
    }

    static String fromManifests() {
        return manifestTeardownPlay("Remove every socket jsock installed", "all", "Remove each socket",
                "jsock_manifests.stdout_lines");
    }

    /**
     * The play `apply --prune` appends: on the hosts the playbook targeted, every socket recorded in
     * a manifest that the run did not deploy (the role records jsock_sockets_applied) is torn down.
     */
    static String prunePlay(Playbook pb) {
        String hosts = String.join(":", pb.plays().stream().map(Play::hosts).distinct().toList());
        return manifestTeardownPlay("Prune sockets this playbook no longer deploys", hosts.replace("\"", ""),
                "Remove sockets not deployed by this run",
                "jsock_manifests.stdout_lines | reject('in', jsock_sockets_applied | default([])) | list");
    }

    /** A play that lists the sockets in the hosts' manifests and tears down those {@code selection} keeps. */
    private static String manifestTeardownPlay(String playName, String hosts, String taskName, String selection) {
        return """
                - name: %s
                  hosts: "%s"
                  gather_facts: false
                  become: true
                  tasks:
                    # the manifests, and units the role wrote whose manifest a run never got to write
                    # (interrupted between installing and recording); read in --check too
                    - name: Sockets recorded in the manifests
                      shell: |
                        { ls /var/lib/jsock 2>/dev/null | sed -n 's/[.]json$//p'
                          grep -h -o -s '^# Managed by jsock role systemd_socket (socket [A-Za-z0-9_.:-]*)' \
                            /etc/systemd/system/*.socket /etc/systemd/system/*.service /run/systemd/system/*.socket /run/systemd/system/*.service \\
                            /usr/local/lib/systemd/system/*.socket /usr/local/lib/systemd/system/*.service | sed 's/.*(socket //; s/)$//'
                        } | sort -u
                      register: jsock_manifests
                      changed_when: false
                      check_mode: false
                    - name: %s
                      include_role:
                        name: %s
                      vars:
                        socket_name: "{{ item }}"
                        socket_state: absent
                      loop: "{{ %s }}"
                """.formatted(playName, hosts, taskName, ROLE, selection);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}

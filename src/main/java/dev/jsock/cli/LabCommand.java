package dev.jsock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jsock.lab.Lab;
import dev.jsock.lab.LabHost;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code jsock lab up|down|status|inventory}: thin wrappers around {@link Lab}; progress on stderr, results on stdout. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Local systemd test hosts (systemd-nspawn containers with sshd on a private bridge). Needs root.",
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class, LabCommand.Inventory.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  jsock lab up 2           boot jsock-lab-1 and -2 (root built on first use)",
            "  jsock apply site.yml -i /var/lib/jsock/lab/inventory",
            "  jsock lab status --json",
            "  jsock lab down           stop the hosts the lab started, remove its bridge",
            "  jsock lab down --keep 4  stop jsock-lab-5 and up, keep 1-4"
        })
final class LabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where the lab keeps its root image, key, PID files and inventory (default: ${DEFAULT-VALUE}).")
    Path stateDir = Lab.DEFAULT_STATE_DIR;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_OPTIONS;
    }

    Lab lab() {
        return new Lab(stateDir, spec.commandLine().getErr());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    static String table(List<LabHost> hosts) {
        return hosts.stream().map(h -> String.format("%-14s %s:%d", h.name(), h.address(), h.port()))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, Object> json(LabHost h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("port", h.port());
        return m;
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Boot lab hosts 1..N (only the missing ones) and wait until SSH works.")
    static final class Up implements Callable<Integer> {
        @ParentCommand
        LabCommand parent;

        @Parameters(index = "0", arity = "0..1", paramLabel = "N", defaultValue = "1", description = "How many hosts (default: ${DEFAULT-VALUE}).")
        int count;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (count < 1) throw new ParameterException(spec.commandLine(), "N must be at least 1, not " + count);
            Lab lab = parent.lab();
            List<LabHost> hosts = lab.up(count);
            PrintWriter out = parent.out();
            out.println(table(hosts));
            out.println("inventory: " + lab.inventoryPath());
            out.flush();
            PrintWriter err = parent.spec.commandLine().getErr();
            err.println("next: jsock apply playbooks/webapp.yml -i " + lab.inventoryPath());
            err.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the hosts the lab started and remove its bridge.")
    static final class Down implements Callable<Integer> {
        @ParentCommand
        LabCommand parent;

        @picocli.CommandLine.Option(names = "--keep", paramLabel = "N",
                description = "Stop only the hosts numbered above N; jsock-lab-1..N and the bridge stay.")
        Integer keep;

        @Override
        public Integer call() {
            if (keep == null) {
                parent.lab().down();
            } else {
                parent.lab().stop(numberedAbove(parent.lab().running(), keep));
            }
            return ExitCodes.OK;
        }

        /** The hosts whose number (jsock-lab-N) is above {@code keep}. */
        static java.util.List<dev.jsock.lab.LabHost> numberedAbove(java.util.List<dev.jsock.lab.LabHost> hosts, int keep) {
            String prefix = "jsock-lab-";
            return hosts.stream()
                    .filter(h -> h.name().startsWith(prefix) && h.name().substring(prefix.length()).matches("[0-9]+"))
                    .filter(h -> Integer.parseInt(h.name().substring(prefix.length())) > keep)
                    .toList();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "List the running lab hosts.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        LabCommand parent;

        @Option(names = "--json", description = "One JSON document on stdout.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Lab lab = parent.lab();
            List<LabHost> hosts = lab.running();
            PrintWriter out = parent.out();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("state_dir", lab.stateDir().toString());
                doc.put("inventory", lab.inventoryPath().toString());
                doc.put("private_key", lab.privateKey().toString());
                doc.put("known_hosts", lab.knownHosts().toString());
                doc.put("hosts", hosts.stream().map(LabCommand::json)
                        .collect(Collectors.toList()));
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else if (hosts.isEmpty()) {
                out.println("no lab hosts running (start some with: jsock lab up N)");
            } else {
                out.println(table(hosts));
                out.println("inventory: " + lab.inventoryPath());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "inventory", mixinStandardHelpOptions = true, description = "Print the Ansible inventory of the running lab hosts.")
    static final class Inventory implements Callable<Integer> {
        @ParentCommand
        LabCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.out();
            out.print(parent.lab().inventory());
            out.flush();
            return ExitCodes.OK;
        }
    }
}

package dev.jsock.cli;

import dev.jsock.inventory.HostPattern;
import dev.jsock.inventory.InventoryLoader;
import dev.jsock.model.Host;
import dev.jsock.model.Inventory;
import dev.jsock.report.StatusReport;
import dev.jsock.systemd.SocketStatus;
import dev.jsock.systemd.StatusQuery;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.Connection;
import dev.jsock.transport.Connections;
import dev.jsock.transport.UnreachableException;
import dev.jsock.vars.InventoryVars;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show listening sockets, their services and activation counts per host (one SSH command per host).",
        footerHeading = "%nExamples:%n",
        footer = {"  jsock status -i inventory/lab", "  jsock status webapp echo -l web --json"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOCKET", arity = "0..*", description = "Socket names (default: every socket in the hosts' jsock manifests).")
    List<String> names = new ArrayList<>();

    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY", description = "Inventory file or directory (repeatable).")
    List<Path> inventories = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "SUBSET", description = "Only hosts matching this pattern.")
    String limit;

    @Option(names = "--json", description = "One JSON document instead of the table.")
    boolean json;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", description = "Hosts queried in parallel (default: ${DEFAULT-VALUE}).")
    int forks = 10;

    @Option(names = {"-v", "--verbose"}, description = "More output; -vvv shows stack traces.")
    boolean[] verbose = new boolean[0];

    @Mixin
    HostKeyOptions hostKeys;

    /** One host's answer: its sockets, or why it could not be asked. */
    private record Answer(String host, List<SocketStatus> rows, String unreachable) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String command = StatusQuery.command(names);
        Inventory inv = new InventoryLoader().load(Workspace.inventories(inventories));
        List<String> hosts = HostPattern.select(inv, limit == null ? "all" : limit);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(forks, Math.max(1, hosts.size()))));
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (String h : hosts) answers.add(pool.submit(() -> ask(inv, h, command)));
            List<SocketStatus> rows = new ArrayList<>();
            Map<String, String> unreachable = new TreeMap<>();
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                if (a.unreachable() != null) unreachable.put(a.host(), a.unreachable());
                else rows.addAll(a.rows());
            }
            if (json) StatusReport.json(out, rows, unreachable);
            else StatusReport.table(out, rows, unreachable);
            return unreachable.isEmpty() ? ExitCodes.OK : ExitCodes.UNREACHABLE_OR_PARSE;
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer ask(Inventory inv, String name, String command) {
        Host host = inv.host(name);
        Map<String, Object> vars = InventoryVars.of(inv, host);
        try (Connection c = Connections.open(name, vars, hostKeys.policy())) {
            CommandResult r = c.exec(command);
            return new Answer(name, StatusQuery.parse(name, r.stdout()), null);
        } catch (UnreachableException e) {
            return new Answer(name, List.of(), e.getMessage());
        }
    }
}

package dev.jsock.cli;

import dev.jsock.exec.ConnectionFactory;
import dev.jsock.exec.Includes;
import dev.jsock.exec.PlaybookRunner;
import dev.jsock.exec.RunListener;
import dev.jsock.exec.RunRequest;
import dev.jsock.exec.TaskMode;
import dev.jsock.inventory.InventoryLoader;
import dev.jsock.load.ExtraVars;
import dev.jsock.load.PlaybookLoader;
import dev.jsock.load.YamlFiles;
import dev.jsock.model.Inventory;
import dev.jsock.model.Playbook;
import dev.jsock.model.Role;
import dev.jsock.model.Source;
import dev.jsock.model.Task;
import dev.jsock.model.UserError;
import dev.jsock.modules.ModuleRegistry;
import dev.jsock.transport.Connections;
import dev.jsock.transport.HostKeyPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the shared run options into the loaded inputs (playbook, inventory, request) and the
 * services a {@link PlaybookRunner} needs. Used by apply and render, so both read input the same way.
 */
final class RunSetup {
    final RunRequest request;
    final Inventory inventory;
    final Playbook playbook;
    private final PlaybookLoader loader;
    /** Connections opened while the playbook loads (null when the run was not meant to connect). */
    private EarlyConnections early;

    RunSetup(RunOptions o, Path playbookFile, List<Path> inventories) {
        this(o, playbookFile, inventories, java.util.function.UnaryOperator.identity(), null);
    }

    /**
     * @param transform applied to the loaded playbook (teardown keeps only the socket roles)
     * @param connectEarly for a run that will connect: the host-key policy, and the first play's
     *                     hosts are connected to while the playbook and its roles are still being
     *                     read (null: connect only when the run starts)
     */
    RunSetup(RunOptions o, Path playbookFile, List<Path> inventories, java.util.function.UnaryOperator<Playbook> transform,
             HostKeyPolicy connectEarly) {
        if (!Files.isRegularFile(playbookFile)) {
            // ansible-playbook's words and exit code (1) for a playbook that is missing or not a file
            throw UserError.missing(null, Files.isDirectory(playbookFile) ? "the playbook: " + playbookFile + " does not appear to be a file"
                    : "the playbook: " + playbookFile + " could not be found");
        }
        if (o.forks < 1) throw UserError.options("forks must be at least 1, got " + o.forks);
        Map<String, Object> extra = ExtraVars.parse(o.extraVars, Path.of("").toAbsolutePath());
        this.request = new RunRequest(o.check, o.diff, o.forks, o.limit, o.tags, o.skipTags, extra, o.verbosity(), o.startAtTask);
        List<Path> roles = new ArrayList<>(o.rolesPath);
        this.loader = new PlaybookLoader(roles, Workspace.builtinRoles());
        InventoryLoader inventories0 = new InventoryLoader();
        // group_vars/ and host_vars/ next to the playbook apply too, above the inventory's own
        this.inventory = inventories0.withVarsDirs(inventories0.load(inventories), new Playbook(playbookFile, List.of()).baseDir())
                .withDefaultVars(o.connectionDefaults());
        if (connectEarly != null) {
            early = new EarlyConnections(direct(connectEarly), connectEarly);
            early.start(inventory, FirstPlay.hosts(playbookFile), request.limit());
        }
        try {
            this.playbook = transform.apply(loader.load(playbookFile));
        } catch (RuntimeException e) {
            if (early != null) early.release(); // the run ends here: close what was opened for it
            throw e;
        }
    }

    private static ConnectionFactory direct(HostKeyPolicy hostKeys) {
        return (host, vars) -> Connections.open(host, vars, hostKeys);
    }

    /** Appends the plays of another playbook file (e.g. the prune play) to the loaded playbook. */
    Playbook withPlaysOf(Path file) {
        List<dev.jsock.model.Play> plays = new ArrayList<>(playbook.plays());
        plays.addAll(loader.load(file).plays());
        return new Playbook(playbook.path(), plays);
    }

    PlaybookRunner runner(RunListener listener, TaskMode mode, HostKeyPolicy hostKeys) {
        ConnectionFactory connections = early != null && early.policy() == hostKeys ? early : direct(hostKeys);
        PlaybookRunner.Services services = new PlaybookRunner.Services(Warmup.templar(), new ModuleRegistry(),
                includes(), connections, listener, mode);
        return new PlaybookRunner(services, request, inventory);
    }

    /** An included task file as loaded for one role object (compared by identity: include_role loads its own). */
    private record IncludedFile(Path file, Role role) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IncludedFile other && other.file.equals(file) && other.role == role;
        }

        @Override
        public int hashCode() {
            return file.hashCode() * 31 + System.identityHashCode(role);
        }
    }

    private Includes includes() {
        YamlFiles yaml = new YamlFiles();
        // Every host includes the same files (a role's present.yml, say): each is read and parsed
        // once per run. Tasks are immutable records, so hosts can share them; a file that fails to
        // load is not remembered, so every host reports the error.
        Map<IncludedFile, List<Task>> included = new java.util.concurrent.ConcurrentHashMap<>();
        return new Includes() {
            @Override
            public List<Task> loadTasks(Path file, Role role) {
                return included.computeIfAbsent(new IncludedFile(file.toAbsolutePath().normalize(), role), k -> loader.loadTasks(file, role));
            }

            @Override
            public Role loadRole(String name, Path playbookDir, Source ref, String tasksFrom, String handlersFrom,
                    String varsFrom, String defaultsFrom) {
                return loader.loadRole(name, playbookDir, ref, tasksFrom, handlersFrom, varsFrom, defaultsFrom);
            }

            @Override
            public Map<String, Object> loadVars(Path file) {
                return yaml.loadVars(file);
            }
        };
    }
}

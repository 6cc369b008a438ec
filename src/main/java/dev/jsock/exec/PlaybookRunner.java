package dev.jsock.exec;

import dev.jsock.inventory.HostPattern;
import dev.jsock.model.Host;
import dev.jsock.model.Inventory;
import dev.jsock.model.Play;
import dev.jsock.model.Playbook;
import dev.jsock.model.RoleRef;
import dev.jsock.model.UserError;
import dev.jsock.modules.ModuleRegistry;
import dev.jsock.template.Templar;
import dev.jsock.template.TemplateException;
import dev.jsock.vars.InventoryVars;
import dev.jsock.vars.MagicVars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Runs a playbook's plays in order against the inventory and returns the recap. Within a play every
 * host runs in its own thread ({@link HostRunner}), kept in step by a {@link StepGate}; at most
 * {@code forks} hosts talk to their host at the same moment.
 */
public final class PlaybookRunner {

    /** The collaborators a run needs; the CLI wires real ones, tests may wire others. */
    public record Services(Templar templar, ModuleRegistry modules, Includes includes, ConnectionFactory connections,
            RunListener listener, TaskMode mode) {}

    /** Final counters per host and the exit code ansible-playbook would return. */
    public record Outcome(Map<String, HostStats> stats, int exitCode) {}

    private final Services services;
    private final RunRequest request;
    private final Inventory inventory;
    private final Map<String, HostState> hostStates = new LinkedHashMap<>();

    private final java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
    /** --start-at-task: null once the play holding the task has begun (or when not asked for). */
    private StartAtTask startAt;

    public PlaybookRunner(Services services, RunRequest request, Inventory inventory) {
        this.services = new Services(services.templar(), services.modules(), services.includes(), services.connections(),
                new QuietAfterInterrupt(services.listener(), interrupted), services.mode());
        this.request = request;
        this.inventory = inventory;
        this.startAt = request.startAtTask() == null ? null : new StartAtTask(request.startAtTask());
    }

    public Outcome run(Playbook playbook) throws InterruptedException {
        if (request.limit() != null) {
            for (String missing : HostPattern.unmatched(inventory, request.limit())) {
                services.listener().warning("Could not match supplied host pattern, ignoring: " + missing);
            }
        }
        if (request.limit() != null && HostPattern.select(inventory, request.limit()).isEmpty()) {
            throw new UserError(UserError.Kind.GENERAL, null,
                    "Specified inventory, host pattern and/or --limit leaves us with no hosts to target.");
        }
        Map<String, Object> groups = MagicVars.groups(inventory);
        dev.jsock.transport.RunLock.startRun();
        try {
            for (Play play : playbook.plays()) {
                // as ansible-playbook: a batch whose every host failed ends the whole playbook
                if (!runPlay(playbook, play, groups)) break;
            }
        } finally {
            for (HostState hs : hostStates.values()) hs.closeConnection();
            services.connections().release();
        }
        if (startAt != null) {
            services.listener().error("No matching task \"" + request.startAtTask() + "\" found. Note: --start-at-task can only follow static includes.");
        }
        // the recap lists hosts by name, as Ansible's does
        Map<String, HostStats> stats = new java.util.TreeMap<>();
        for (HostState hs : hostStates.values()) if (hs.stats.processed()) stats.put(hs.name(), hs.stats);
        services.listener().recap(stats);
        return new Outcome(stats, exitCode(stats));
    }

    public static int exitCode(Map<String, HostStats> stats) {
        boolean unreachable = stats.values().stream().anyMatch(s -> s.unreachable > 0);
        boolean failed = stats.values().stream().anyMatch(s -> s.failed > 0);
        return unreachable ? 4 : failed ? 2 : 0;
    }

    /** Runs one play; false when a batch ended with every one of its hosts failed or unreachable. */
    private boolean runPlay(Playbook playbook, Play play, Map<String, Object> groups) throws InterruptedException {
        List<String> hosts = selectHosts(play);
        String title = playTitle(play);
        if (hosts.isEmpty()) {
            services.listener().playStarted(title, hosts);
            services.listener().noHostsMatched();
            return true;
        }
        StartAtTask passOverUntil = startAt;
        if (startAt != null) {
            if (!startAt.foundIn(play)) {
                services.listener().playStarted(title, hosts); // a play before the task runs nothing at all
                return true;
            }
            startAt = null;
        }
        // serial: the play runs to its end on each batch of hosts before the next batch starts
        for (List<String> batch : SerialBatches.of(play.serial() == null ? null
                : services.templar().template(play.serial(), request.extraVars()), hosts, play.source())) {
            List<String> live = batch.stream().filter(h -> hostStates.get(h).active()).toList();
            services.listener().playStarted(title, live);
            if (live.isEmpty()) continue;
            boolean fatal = runBatch(playbook, play, groups, live, passOverUntil);
            passOverUntil = null;
            for (String h : live) {
                String error = hostStates.get(h).runError;
                if (error != null) throw new UserError(UserError.Kind.GENERAL, null, error);
            }
            if (fatal) {
                // any_errors_fatal: one host's failure ends the play and the playbook for all
                services.listener().noHostsRemaining();
                return false;
            }
            // every host failed: the playbook ends (the banner is only for any_errors_fatal, above)
            if (live.stream().noneMatch(h -> hostStates.get(h).active())) return false;
        }
        return true;
    }

    /** The play's name templated with its vars and the extra vars, as Ansible shows it; as written when that fails. */
    private String playTitle(Play play) {
        String name = play.displayName();
        if (!name.contains("{{") && !name.contains("{%")) return name;
        try {
            Map<String, Object> vars = new LinkedHashMap<>(play.vars());
            vars.putAll(request.extraVars());
            return services.templar().toText(services.templar().template(name, vars));
        } catch (RuntimeException e) {
            return name;
        }
    }

    /** Runs one batch of a play; true when any_errors_fatal ended it. */
    private boolean runBatch(Playbook playbook, Play play, Map<String, Object> groups, List<String> hosts, StartAtTask startAt)
            throws InterruptedException {
        Path dir = play.baseDir() != null ? play.baseDir() : playbook.baseDir();
        // Ansible exports every role of the play (roles: and import_role) to all of its tasks:
        // defaults at the bottom, vars right above the play's vars and vars_files
        Map<String, Object> roleDefaults = new LinkedHashMap<>();
        Map<String, Object> roleVars = new LinkedHashMap<>();
        for (dev.jsock.model.Role role : playRoles(play)) {
            roleDefaults.putAll(role.defaults());
            roleVars.putAll(role.vars());
        }
        // with forks 1 hosts run one after the other, and the later ones still reuse renders
        services.templar().hostsSideBySide(hosts.size());
        StepGate gate = new StepGate(hosts);
        Map<String, Object> vars = playVars(play, dir);
        PlayContext pc = new PlayContext(play, dir, hosts, inventory, hostStates, vars,
                roleDefaults, roleVars, groups, request, services.templar(), services.modules(), services.includes(),
                services.connections(), services.listener(), new HandlerTable(handlers(play), name -> handlerName(name, vars)),
                new Semaphore(request.forks()), gate, services.mode(), new java.util.concurrent.atomic.AtomicBoolean(), startAt);
        List<Thread> threads = new ArrayList<>();
        for (String h : hosts) {
            Thread t = new Thread(new HostRunner(pc, hostStates.get(h)), "jsock-" + h);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            gate.coordinate(step -> services.listener().taskStarted(step.title(), step.handler()), () -> pc.aborted().get());
        } catch (InterruptedException e) {
            // Ctrl-C: stop every host at its next step and give running commands a moment to clean up
            interrupted.set(true);
            for (Thread t : threads) t.interrupt();
            for (Thread t : threads) t.join(3000);
            throw e;
        }
        for (Thread t : threads) t.join();
        return pc.aborted().get();
    }

    /** The play's roles: those of roles:, then those import_role brought into its task lists, each once. */
    static List<dev.jsock.model.Role> playRoles(Play play) {
        java.util.Set<dev.jsock.model.Role> seen = new java.util.LinkedHashSet<>();
        for (RoleRef ref : play.roles()) seen.add(ref.role());
        for (List<dev.jsock.model.Task> list : List.of(play.preTasks(), play.tasks(), play.postTasks())) collectRoles(list, seen);
        return new ArrayList<>(seen);
    }

    private static void collectRoles(List<dev.jsock.model.Task> tasks, java.util.Set<dev.jsock.model.Role> seen) {
        for (dev.jsock.model.Task t : tasks) {
            if (t.role() != null) seen.add(t.role());
            collectRoles(t.block(), seen);
            collectRoles(t.rescue(), seen);
            collectRoles(t.always(), seen);
        }
    }

    /** A templated handler name as the play's vars and the extra vars make it; as written when that fails. */
    private String handlerName(String name, Map<String, Object> playVars) {
        try {
            Map<String, Object> vars = new LinkedHashMap<>(playVars);
            vars.putAll(request.extraVars());
            return services.templar().toText(services.templar().template(name, vars));
        } catch (RuntimeException e) {
            return name;
        }
    }

    /** The roles' handlers come before the play's own, as Ansible compiles them. */
    private static List<HandlerTable.Handler> handlers(Play play) {
        List<HandlerTable.Handler> all = new ArrayList<>();
        for (RoleRef ref : play.roles()) {
            for (dev.jsock.model.Task h : ref.role().handlers()) all.add(new HandlerTable.Handler(h, ref.params()));
        }
        for (dev.jsock.model.Task h : play.handlers()) all.add(new HandlerTable.Handler(h, Map.of()));
        return all;
    }

    private List<String> selectHosts(Play play) {
        String pattern = play.hosts();
        try {
            Object t = services.templar().template(pattern, request.extraVars());
            pattern = t instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(t);
        } catch (TemplateException e) {
            throw UserError.parse(play.source(), "the field 'hosts' has an invalid value: " + e.getMessage());
        }
        List<String> selected = new ArrayList<>(HostPattern.select(inventory, pattern));
        for (String missing : HostPattern.unmatched(inventory, pattern)) {
            services.listener().warning("Could not match supplied host pattern, ignoring: " + missing);
        }
        if (request.limit() != null) {
            List<String> limited = HostPattern.select(inventory, request.limit());
            selected.retainAll(limited);
        }
        List<String> out = new ArrayList<>();
        for (String h : selected) {
            HostState hs = hostStates.computeIfAbsent(h, this::newHostState);
            if (hs.active()) out.add(h);
        }
        return out;
    }

    private HostState newHostState(String name) {
        Host host = inventory.host(name);
        if (host == null) {
            // Ansible's implicit localhost: not in the inventory, reached without SSH.
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("ansible_connection", "local");
            host = new Host(name, vars, List.of("all", "ungrouped"));
        }
        return new HostState(host, InventoryVars.of(inventory, host));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> playVars(Play play, Path dir) {
        Map<String, Object> vars = new LinkedHashMap<>(play.vars());
        for (Object vf : play.varsFiles()) {
            if (vf instanceof Map<?, ?> m) {
                vars.putAll((Map<String, Object>) m);
            } else {
                Map<String, Object> ctx = new LinkedHashMap<>(vars);
                ctx.putAll(request.extraVars());
                String name = String.valueOf(services.templar().template(vf, ctx));
                Path p = dir.resolve(name);
                vars.putAll(services.includes().loadVars(p));
            }
        }
        return vars;
    }
}

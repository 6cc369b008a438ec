package dev.jsock.exec;

import dev.jsock.model.Role;
import dev.jsock.model.RoleRef;
import dev.jsock.model.Task;
import dev.jsock.model.TaskResult;
import dev.jsock.model.UserError;
import dev.jsock.template.TemplateException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one play on one host, in the host's own thread: sections, roles, blocks with rescue and
 * always, includes, and handler flushes. Every task passes through the {@link StepGate} first so
 * that hosts move in step. A failed or unreachable host stops here; other hosts go on.
 */
final class HostRunner implements Runnable {
    /** Unwinds the host's task tree when it fails; caught by rescue blocks. */
    private static final class HostFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostFailed() {
            super(null, null, false, false);
        }
    }

    /** Unwinds when meta: end_play / end_host stops this host for the play. */
    private static final class HostEnded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostEnded() {
            super(null, null, false, false);
        }
    }

    private final PlayContext pc;
    private final HostState hs;
    private final TaskExecutor tasks;
    private final VarsResolver resolver;
    private final TagFilter tags;
    /** The task lists being run, innermost first, each with the index of its running task. */
    private final Deque<Frame> frames = new ArrayDeque<>();
    private boolean passingOver;

    /** One task list in progress: a section, a role, a block's tasks or an included file. */
    private static final class Frame {
        final List<Task> tasks;
        final Scope scope;
        /** Where this list's tasks count from within their parent (a block's rescue comes after its tasks). */
        final int offset;
        int at;

        Frame(List<Task> tasks, Scope scope, int offset) {
            this.tasks = tasks;
            this.scope = scope;
            this.offset = offset;
        }
    }

    /** Where in the play the running section is: facts, pre_tasks, role r, tasks, post_tasks. */
    private List<Integer> section = List.of(-1);

    /**
     * This host's place in the play, for the gate's lockstep: the section, then each running task
     * list's index from the outermost in. A host inside an include or a block is before a host
     * already at the task after it, so hosts run in Ansible's order (linear strategy).
     */
    private List<Integer> position() {
        List<Integer> out = new ArrayList<>(section);
        java.util.Iterator<Frame> outermostFirst = frames.descendingIterator();
        while (outermostFirst.hasNext()) {
            Frame f = outermostFirst.next();
            out.add(f.offset + f.at);
        }
        return out;
    }

    HostRunner(PlayContext pc, HostState hs) {
        this.pc = pc;
        this.hs = hs;
        this.resolver = new VarsResolver(pc);
        this.tasks = new TaskExecutor(pc, resolver, new ActionRunner(pc));
        this.tags = new TagFilter(pc.request().tags(), pc.request().skipTags());
        this.passingOver = pc.startAt() != null;
        hs.files.clear();
        hs.files.predict(() -> new PathLookahead(pc, resolver, hs).predict(upcoming()));
    }

    /** The tasks still to come from here on, the running one first, each with its scope. */
    private List<PathLookahead.Upcoming> upcoming() {
        List<PathLookahead.Upcoming> out = new ArrayList<>();
        boolean innermost = true;
        for (Frame f : frames) {
            // the running task itself may have more loop items to come; in outer frames the running
            // entry is the block or include we are inside
            int from = innermost ? f.at : f.at + 1;
            innermost = false;
            for (int i = from; i < f.tasks.size(); i++) out.add(new PathLookahead.Upcoming(f.tasks.get(i), f.scope));
        }
        return out;
    }

    @Override
    public void run() {
        dev.jsock.template.TemplateWarnings.sendTo(pc.listener()::warning);
        try {
            Scope base = Scope.play(pc.playbookDir(), pc.play().tags(), false).withEnvironment(pc.play().environment());
            if (pc.mode().live()) {
                try {
                    hs.connectAhead(pc.connections(), resolver.forHost(hs));
                } catch (RuntimeException e) {
                    // connection variables that cannot be resolved yet: the first task connects and reports it
                }
            }
            try {
                if (gatherFacts()) {
                    pc.gate().await(hs.name(), new StepGate.Step("facts", "Gathering Facts", false), position());
                    new FactGatherer(pc, resolver).gather(hs);
                }
                if (!hs.active()) return;
                section = List.of(0);
                section(pc.play().preTasks(), base);
                // roles and tasks form one section: handlers flush after both
                for (int r = 0; r < pc.play().roles().size(); r++) {
                    RoleRef ref = pc.play().roles().get(r);
                    // a role that already ran (as an earlier role's dependency, same parameters) does not run again
                    if (!rolesRun.add(roleKey(ref.role().name(), ref.params()))) continue;
                    section = List.of(1, r);
                    runTasks(ref.role().tasks(), base.withRole(ref.role(), ref.params(), ref.when(), ref.tags()));
                }
                section = List.of(2);
                section(pc.play().tasks(), base);
                section = List.of(3);
                section(pc.play().postTasks(), base);
            } catch (HostFailed | HostEnded e) {
                // the host stops for this play; its counters already say why
            } catch (RuntimeException | StackOverflowError e) {
                // never a silent end of the host's thread: the host fails, visibly, and the exit code says so
                pc.listener().hostResult(hs.name(), "jsock", TaskResult.failed("jsock internal error: " + e, Map.of()), null, false, false);
                hs.stats.failed++;
                hs.failed = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pc.gate().finish(hs.name());
        }
    }

    private boolean gatherFacts() {
        Object g = pc.play().gatherFacts();
        if (g == null) return true;
        Object v = pc.templar().template(g, resolver.forHost(hs));
        return dev.jsock.modules.ModuleArgs.toBool("gather_facts", v);
    }

    private void section(List<Task> list, Scope scope) throws InterruptedException {
        runTasks(list, scope);
        flushHandlers();
    }

    private void runTasks(List<Task> list, Scope scope) throws InterruptedException {
        runTasks(list, scope, 0);
    }

    private void runTasks(List<Task> list, Scope scope, int offset) throws InterruptedException {
        Frame frame = new Frame(list, scope, offset);
        frames.push(frame);
        try {
            for (int i = 0; i < list.size(); i++) {
                frame.at = i;
                runTask(list.get(i), scope);
            }
        } finally {
            frames.pop();
        }
    }

    private void runTask(Task task, Scope scope) throws InterruptedException {
        if (!hs.active()) throw new HostFailed();
        if (pc.aborted().get()) throw new HostEnded();
        if (task.isBlock()) {
            runBlock(task, scope);
            return;
        }
        task = scope.keywords().applyTo(task);
        switch (task.action()) {
            case "include_tasks", "include_role" -> include(task, scope);
            case "setup", "gather_facts" -> setup(task, scope);
            case "meta" -> meta(task, scope);
            default -> plain(task, scope);
        }
    }

    /** --start-at-task: true while this host passes over the tasks before the named one. */
    private boolean passingOver(Task task) {
        if (passingOver && pc.startAt().matches(task)) passingOver = false;
        return passingOver;
    }

    /** An explicit setup (or gather_facts) task: the facts a play's fact gathering reads, under the task's name. */
    private void setup(Task task, Scope scope) throws InterruptedException {
        if (passingOver(task) || !tags.selects(scope.tagsOf(task))) return;
        if (!conditions(scope, task, resolver.forTask(hs, task, scope))) {
            plain(task, scope); // reported as skipped the usual way
            return;
        }
        pc.gate().await(hs.name(), step(task, scope), position());
        new FactGatherer(pc, resolver).gather(hs, task.displayName());
        if (hs.unreachable) throw new HostFailed();
        if (task.register() != null) {
            // as the setup module returns them: each fact under its ansible_ name
            Map<String, Object> prefixed = new LinkedHashMap<>();
            hs.gathered.forEach((k, v) -> {
                if (k.startsWith("ansible_") && !k.equals("ansible_facts")) prefixed.put(k, v);
            });
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("ansible_facts", prefixed);
            hs.facts.put(task.register(), TaskResult.ok(facts).registered());
        }
    }

    private void plain(Task task, Scope scope) throws InterruptedException {
        if (passingOver(task) || !tags.selects(scope.tagsOf(task))) return;
        List<String> batch = pc.gate().await(hs.name(), step(task, scope), position());
        // a host may have failed under any_errors_fatal while this one waited for the step
        if (pc.aborted().get()) throw new HostEnded();
        TaskExecutor.Outcome o;
        try {
            o = tasks.run(hs, task, scope, batch);
        } catch (RuntimeException e) {
            // a bug in jsock must fail this host visibly, never end its thread in silence
            fail(task, "jsock internal error: " + e + " (run with -vvv and report it)");
            return;
        } catch (StackOverflowError e) {
            fail(task, "recursive loop detected in template string: a value nests deeper than jsock can evaluate");
            return;
        }
        if (hs.runError != null) throw new HostEnded();
        for (String n : List.copyOf(hs.notified)) {
            if (pc.handlers().matching(n).isEmpty()) {
                // as ansible-playbook: an error of the whole run (exit 1, no recap), not of the host
                hs.notified.remove(n);
                hs.runError = "The requested handler '" + n + "' was not found in either the main handlers list nor in the listening handlers list";
                pc.aborted().set(true);
                throw new HostEnded();
            }
        }
        if (o.hostFailed()) {
            if (!hs.unreachable) hs.failed = true;
            hs.lastFailedTask = task;
            hs.lastFailedResult = o.result();
            if (pc.anyErrorsFatal()) pc.aborted().set(true);
            throw new HostFailed();
        }
    }

    /**
     * The step this task is for the gate: hosts batch on the task's identity, and the header shows
     * its name templated with this host's variables, as Ansible shows it (raw when it cannot be templated).
     */
    private StepGate.Step step(Task task, Scope scope) {
        String title = task.displayName();
        if (task.name() != null && task.name().contains("{{")) {
            try {
                String name = pc.templar().toText(pc.templar().template(task.name(), resolver.forTask(hs, task, scope)));
                title = task.role() != null ? task.role().name() + " : " + name : name;
            } catch (TemplateException | UserError e) {
                // keep the raw name, as Ansible does when a name refers to loop variables
            }
        }
        return new StepGate.Step(task.source() + "|" + task.displayName(), title, scope.handler());
    }

    private void fail(Task task, String msg) {
        pc.listener().hostResult(hs.name(), task.displayName(), TaskResult.failed(msg, Map.of()), null, false, false);
        hs.stats.failed++;
        hs.failed = true;
        throw new HostFailed();
    }

    /** Roles (name and parameters) this host has run in this play: a dependency of several roles runs once, as in Ansible. */
    private final java.util.Set<List<Object>> rolesRun = new java.util.HashSet<>();

    private static List<Object> roleKey(Object name, Map<String, Object> params) {
        return List.of(String.valueOf(name), params == null ? Map.of() : params);
    }

    private void runBlock(Task block, Scope scope) throws InterruptedException {
        Object dependency = block.args().get(Task.DEPENDENCY);
        if (dependency != null && !rolesRun.add(roleKey(dependency, block.vars()))) return;
        Scope inner = scope.enter(block);
        try {
            runTasks(block.block(), inner);
        } catch (HostFailed e) {
            if (block.rescue().isEmpty() || hs.unreachable) {
                runAlways(block, inner);
                throw e;
            }
            hs.failed = false;
            hs.stats.failed--;
            hs.stats.rescued++;
            if (hs.lastFailedResult != null) hs.facts.put("ansible_failed_result", hs.lastFailedResult.registered());
            if (hs.lastFailedTask != null) {
                Map<String, Object> failedTask = new LinkedHashMap<>();
                failedTask.put("name", hs.lastFailedTask.name() == null ? "" : hs.lastFailedTask.name());
                failedTask.put("action", hs.lastFailedTask.action());
                failedTask.put("args", hs.lastFailedTask.args());
                hs.facts.put("ansible_failed_task", failedTask);
            }
            try {
                runTasks(block.rescue(), inner, block.block().size());
            } catch (HostFailed again) {
                runAlways(block, inner);
                throw again;
            }
        }
        runAlways(block, inner);
    }

    private void runAlways(Task block, Scope inner) throws InterruptedException {
        if (block.always().isEmpty() || hs.unreachable) return;
        boolean wasFailed = hs.failed;
        hs.failed = false;
        runTasks(block.always(), inner, block.block().size() + block.rescue().size());
        if (wasFailed) hs.failed = true;
    }

    /** Includes nested deeper than this are taken for an include of itself (Ansible ends such a run too). */
    private static final int MAX_INCLUDE_DEPTH = 100;

    private void include(Task task, Scope scope) throws InterruptedException {
        if (passingOver(task) || !tags.selects(scope.tagsOf(task))) return;
        if (frames.size() > MAX_INCLUDE_DEPTH) {
            hs.runError = "Exceeded maximum object depth. This may have been caused by excessive role recursion";
            pc.aborted().set(true);
            throw new HostEnded();
        }
        Map<String, Object> vars = resolver.forTask(hs, task, scope);
        List<String> batch = pc.gate().await(hs.name(), step(task, scope), position());
        report = pc.gate().includeReport(batch, pc.listener());
        try {
            includeStep(task, scope, vars);
        } finally {
            // a report still open (the host failed before it ran any included task) is closed here
            if (report != null) closeReport();
        }
    }

    /** The include step's shared report while this host takes part in it. */
    private IncludeReport report;

    private void closeReport() {
        IncludeReport r = report;
        report = null;
        r.done();
    }

    private void includeStep(Task task, Scope scope, Map<String, Object> vars) throws InterruptedException {
        Scope inner = scope.enterInclude(task);
        if (task.loop() == null) {
            includeOnce(task, inner, vars);
            return;
        }
        Object items;
        try {
            items = LoopItems.of(pc.templar(), task.loop(), vars);
        } catch (TemplateException e) {
            fail(task, e.getMessage());
            return;
        }
        if (!(items instanceof List<?> list)) {
            fail(task, "Invalid data passed to 'loop', it requires a list, got this instead: " + pc.templar().toText(items));
            return;
        }
        // as Ansible: every item's condition and file first (its skipping or included line), then the tasks of each
        List<Prepared> runs = new ArrayList<>();
        for (Object item : list) {
            // a None item is a value too (Map.of refuses null)
            Scope withItem = inner.withVars(java.util.Collections.singletonMap(task.loopVar(), item));
            Map<String, Object> itemVars = new LinkedHashMap<>(vars);
            itemVars.put(task.loopVar(), item);
            Prepared p = prepareInclude(task, withItem, itemVars, pc.templar().toText(item), true);
            if (p == null) return; // failed: the host stops here
            if (p.tasks() != null) runs.add(p);
        }
        for (Prepared p : runs) if (p.file() != null) report.included(p.file(), hs.name(), p.item());
        closeReport();
        for (int i = 0; i < runs.size(); i++) runTasks(runs.get(i).tasks(), runs.get(i).scope(), i * 1_000_000);
    }

    /** An include made ready to run: its tasks and the scope they run in (tasks null when it was skipped). */
    private record Prepared(List<Task> tasks, Scope scope, String file, Object item) {}

    /** One include (one loop item): its own when, then the tasks of the file or role. */
    private void includeOnce(Task task, Scope inner, Map<String, Object> vars) throws InterruptedException {
        Prepared p = prepareInclude(task, inner, vars, null, false);
        if (p != null && p.file() != null) report.included(p.file(), hs.name(), null);
        closeReport();
        if (p != null && p.tasks() != null) runTasks(p.tasks(), p.scope());
    }

    /**
     * Checks an include's when and loads its file or role, reporting the skip or the inclusion
     * (with the item for a loop, whose skips Ansible does not count). Null when it failed.
     */
    private Prepared prepareInclude(Task task, Scope inner, Map<String, Object> vars, Object item, boolean looped) {
        boolean run;
        try {
            run = conditions(inner, task, vars);
        } catch (TemplateException e) {
            fail(task, e.getMessage());
            return null;
        }
        if (!run) {
            pc.listener().hostResult(hs.name(), task.displayName(), TaskResult.skipped("Conditional result was False"), item, false, false);
            if (!looped) hs.stats.skipped++;
            return new Prepared(null, inner, null, item);
        }
        if (task.action().equals("include_tasks")) {
            Path path;
            List<Task> loaded;
            try {
                Object file = pc.templar().template(rawFile(task), vars);
                path = resolveTaskFile(inner, String.valueOf(file));
                loaded = pc.includes().loadTasks(path, inner.role());
            } catch (UserError | TemplateException e) {
                fail(task, e instanceof UserError ue ? ue.describe() : e.getMessage());
                return null;
            }
            // the include step's report prints the files, after every host's conditions
            hs.stats.ok++;
            return new Prepared(loaded, inner, path.toString(), item);
        }
        Role role;
        try {
            Map<String, Object> args = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : task.args().entrySet()) args.put(e.getKey(), pc.templar().template(e.getValue(), vars));
            String name = String.valueOf(args.getOrDefault("name", args.get("role")));
            role = pc.includes().loadRole(name, pc.playbookDir(), task.source(), str(args.get("tasks_from")),
                    str(args.get("handlers_from")), str(args.get("vars_from")), str(args.get("defaults_from")));
        } catch (UserError | TemplateException e) {
            fail(task, e instanceof UserError ue ? ue.describe() : e.getMessage());
            return null;
        }
        pc.handlers().addAll(role.handlers(), Map.of());
        pc.listener().roleIncluded(hs.name(), role.name());
        return new Prepared(role.tasks(), inner.withRole(role, Map.of(), List.of(), List.of()), null, item);
    }

    private static Object rawFile(Task task) {
        Object f = task.args().get("file");
        return f != null ? f : task.args().get("_raw_params");
    }

    private Path resolveTaskFile(Scope scope, String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) return p;
        if (scope.role() != null) {
            Path inRole = scope.role().dir().resolve("tasks").resolve(file);
            if (java.nio.file.Files.exists(inRole)) return inRole;
        }
        return scope.baseDir().resolve(file);
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private boolean conditions(Scope scope, Task task, Map<String, Object> vars) {
        for (Object c : scope.whens()) if (!pc.templar().condition(c, vars)) return false;
        for (Object c : task.when()) if (!pc.templar().condition(c, vars)) return false;
        return true;
    }

    private void meta(Task task, Scope scope) throws InterruptedException {
        if (passingOver(task)) return;
        String what = String.valueOf(task.args().getOrDefault("_raw_params", task.args().get("free_form")));
        if (!tags.selects(scope.tagsOf(task))) return;
        pc.gate().await(hs.name(), step(task, scope), position()); // Ansible prints a "TASK [meta]" banner too
        switch (what) {
            case "flush_handlers" -> flushHandlers();
            case "noop", "refresh_inventory" -> { }
            case "clear_facts" -> hs.facts.clear();
            case "reset_connection" -> hs.closeConnection();
            case "end_play", "end_host" -> {
                Map<String, Object> vars = resolver.forTask(hs, task, scope);
                if (conditions(scope, task, vars)) throw new HostEnded();
            }
            case "clear_host_errors" -> hs.failed = false;
            default -> fail(task, "invalid meta action requested: " + what);
        }
    }

    /** Runs notified handlers in definition order until none is pending; a handler may notify others. */
    /**
     * Runs the notified handlers in definition order, then those they notified, round after round.
     * As in Ansible, a notification a handler makes of itself while it runs is dropped with its own
     * (it would otherwise run forever); others wait for the next round.
     */
    private void flushHandlers() throws InterruptedException {
        List<HandlerTable.Handler> next = resolveNotified(null);
        for (int round = 0; round < 10 && !next.isEmpty() && hs.active(); round++) {
            List<HandlerTable.Handler> toRun = next;
            next = new ArrayList<>();
            List<HandlerTable.Handler> all = pc.handlers().all();
            for (int k = 0; k < all.size(); k++) {
                HandlerTable.Handler h = all.get(k);
                if (!toRun.contains(h)) continue;
                // handlers run after the tasks of where they were flushed, in definition order
                List<Integer> at = position();
                at.add(Integer.MAX_VALUE);
                at.add(round);
                at.add(k);
                Task task = h.task();
                Scope scope = Scope.play(pc.playbookDir(), List.of(), true).withEnvironment(pc.play().environment());
                if (task.role() != null) scope = scope.withRole(task.role(), h.roleParams(), List.of(), List.of());
                StepGate.Step step = step(task, scope);
                List<String> batch = pc.gate().await(hs.name(), new StepGate.Step("handler|" + HandlerTable.key(h), step.title(), true), at);
                TaskExecutor.Outcome o = tasks.run(hs, task, scope, batch);
                for (HandlerTable.Handler n : resolveNotified(h)) if (!next.contains(n)) next.add(n);
                if (o.hostFailed()) {
                    if (!hs.unreachable) hs.failed = true;
                    throw new HostFailed();
                }
            }
        }
    }

    /** The handlers the pending notifications name (taking them), without {@code except}. */
    private List<HandlerTable.Handler> resolveNotified(HandlerTable.Handler except) {
        List<String> names = new ArrayList<>(hs.notified);
        hs.notified.clear();
        List<HandlerTable.Handler> out = new ArrayList<>();
        for (String n : names) {
            for (HandlerTable.Handler h : pc.handlers().matching(n)) if (h != except && !out.contains(h)) out.add(h);
        }
        return out;
    }
}

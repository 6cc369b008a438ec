package dev.jsock.exec;

import dev.jsock.model.LoopExtras;
import dev.jsock.model.Task;
import dev.jsock.model.TaskResult;
import dev.jsock.model.TaskResult.Status;
import dev.jsock.modules.ModuleArgs;
import dev.jsock.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one task on one host: conditions, loop, the action, changed_when / failed_when, register,
 * notify, and the recap counters. The action itself is carried out by {@link ActionRunner}.
 */
final class TaskExecutor {
    private final PlayContext pc;
    private final VarsResolver resolver;
    private final ActionRunner actions;

    TaskExecutor(PlayContext pc, VarsResolver resolver, ActionRunner actions) {
        this.pc = pc;
        this.resolver = resolver;
        this.actions = actions;
    }

    /** Outcome of a task for the host's control flow: did the host fail (and not ignore it)? */
    record Outcome(TaskResult result, boolean hostFailed) {}

    Outcome run(HostState hs, Task task, Scope scope, List<String> batch) {
        // run_once is decided by the batch's first host alone (as Ansible does), which always
        // publishes its decision and result, so the others never wait for nothing
        boolean shared = task.runOnce() != null && batch.size() > 1;
        boolean first = shared && batch.get(0).equals(hs.name());
        if (shared && !first) {
            StepGate.Shared decided = awaitFirst(batch);
            if (decided != null && decided.ranOnce()) return adoptRunOnce(hs, task, decided);
        }
        boolean runOnce = false;
        TaskResult result = null;
        boolean ignored = false;
        try {
            Map<String, Object> vars = resolver.forTask(hs, task, scope);
            runOnce = first && runsOnce(task, vars);
            Outcome o = runHere(hs, task, scope, vars);
            result = o.result();
            ignored = o.result().failed() && !o.hostFailed();
            // a failed run_once task fails every host of the batch: Ansible treats it as any_errors_fatal
            if (runOnce && o.hostFailed()) pc.aborted().set(true);
            return o;
        } finally {
            if (first) {
                pc.gate().shared(batch).complete(new StepGate.Shared(runOnce,
                        result != null ? result : TaskResult.failed("run_once: the task did not finish on " + hs.name(), Map.of()), ignored));
            }
        }
    }

    private boolean runsOnce(Task task, Map<String, Object> vars) {
        try {
            return bool(task.runOnce(), vars, false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The first host's run_once decision and result; null when it never came (interrupted, or an hour passed). */
    private StepGate.Shared awaitFirst(List<String> batch) {
        try {
            return pc.gate().shared(batch).get(1, java.util.concurrent.TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    /**
     * run_once on a host other than the batch's first: nothing runs and nothing is shown or
     * counted here; the first host's result is this host's too (registered, facts, handlers), and
     * its failure fails this host as well, as in Ansible.
     */
    private Outcome adoptRunOnce(HostState hs, Task task, StepGate.Shared first) {
        TaskResult r = first.result();
        if (task.register() != null) hs.facts.put(task.register(), r.registered());
        if (r.data().get("ansible_facts") instanceof Map<?, ?> facts && !task.action().equals("debug")) {
            for (Map.Entry<?, ?> f : facts.entrySet()) hs.facts.put(String.valueOf(f.getKey()), f.getValue());
        }
        if (r.changed()) hs.notified.addAll(task.notifies());
        return new Outcome(r, r.failed() && !first.ignored());
    }

    private Outcome runHere(HostState hs, Task task, Scope scope, Map<String, Object> vars) {
        boolean noLog = bool(task.noLog(), vars, false);
        warnTemplatedConditions(task);
        TaskResult result;
        try {
            // a looping task evaluates its own when per item; inherited conditions apply once
            if (!conditionsHold(scope.whens(), task.loop() == null ? task.when() : List.of(), vars)) {
                result = TaskResult.skipped("Conditional result was False");
            } else if (task.loop() != null) {
                result = runLoop(hs, task, scope, vars, noLog);
            } else {
                result = runOnce(hs, task, scope, vars);
            }
        } catch (ConditionFailed e) {
            result = TaskResult.failed(conditionMessage(e.condition, e.cause) + "\n\n" + ErrorPosition.describe(task.source()), BARE);
        } catch (TemplateException e) {
            result = TaskResult.failed(templateMessage(task, e), BARE);
        } catch (ModuleArgs.BadArgument e) {
            result = TaskResult.failed(e.getMessage(), Map.of());
        }
        result = renderAware(hs, result);
        result = markDebug(task, result);
        result = markDelegate(task, vars, result);
        if (result.changed()) {
            for (String n : task.notifies()) {
                if (pc.handlers().matching(n).isEmpty()) {
                    // as ansible-playbook: an error of the whole run, reported instead of this result
                    hs.runError = "The requested handler '" + n + "' was not found in either the main handlers list nor in the listening handlers list";
                    pc.aborted().set(true);
                    return new Outcome(result, false);
                }
            }
        }
        TaskResult shown = SecretMask.mask(result, SecretMask.secretValues(vars));
        if (result.data().get("results") == null) {
            pc.listener().hostResult(hs.name(), task.displayName(), shown, null, ignored(task, result, vars), noLog);
        } else {
            pc.listener().loopFinished(hs.name(), task.displayName(), shown, ignored(task, result, vars));
        }
        return account(hs, task, result, vars);
    }

    private TaskResult runLoop(HostState hs, Task task, Scope scope, Map<String, Object> vars, boolean noLog) {
        Object items = LoopItems.of(pc.templar(), task.loop(), vars);
        if (!(items instanceof List<?> list)) {
            return TaskResult.failed("Invalid data passed to 'loop', it requires a list, got this instead: "
                    + pc.templar().toText(items) + ". Hint: If you passed a list/dict of just one element, try adding wantlist=True to your lookup invocation or use q/query instead of lookup.", Map.of());
        }
        if (list.isEmpty()) {
            // Ansible: skipped, with results: [] and its own reason
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("results", List.of());
            none.put("skipped_reason", "No items in the list");
            none.put(TaskResult.LOOP, true);
            return new TaskResult(Status.SKIPPED, "", none, List.of());
        }
        List<Object> results = new ArrayList<>();
        boolean anyChanged = false;
        boolean anyFailed = false;
        boolean allSkipped = true;
        LoopExtras extras = task.loopExtras();
        boolean extended = extras.extended() != null && bool(extras.extended(), vars, false);
        boolean allItems = extras.extendedAllitems() == null || bool(extras.extendedAllitems(), vars, true);
        double pause = extras.pause() == null ? 0 : Double.parseDouble(pc.templar().toText(pc.templar().template(extras.pause(), vars)));
        // facts an item sets (set_fact) are seen by the next items, as in Ansible
        Map<String, Object> current = vars;
        for (int index = 0; index < list.size(); index++) {
            Object item = list.get(index);
            if (pause > 0 && index > 0) pauseBetweenItems(pause);
            Map<String, Object> itemVars = new LinkedHashMap<>(current);
            Map<String, Object> loopKeys = new LinkedHashMap<>();
            loopKeys.put(task.loopVar(), item);
            loopKeys.put("ansible_loop_var", task.loopVar());
            if (extras.indexVar() != null) {
                loopKeys.put(extras.indexVar(), index);
                loopKeys.put("ansible_index_var", extras.indexVar());
            }
            if (extended) loopKeys.put("ansible_loop", ansibleLoop(list, index, allItems));
            itemVars.putAll(loopKeys);
            TaskResult r;
            try {
                r = conditionsHold(List.of(), task.when(), itemVars)
                        ? runOnce(hs, task, scope, itemVars)
                        : TaskResult.skipped("Conditional result was False");
            } catch (ConditionFailed e) {
                r = TaskResult.failed(conditionMessage(e.condition, e.cause) + "\n\n" + ErrorPosition.describe(task.source()), BARE);
            } catch (TemplateException e) {
                r = TaskResult.failed(templateMessage(task, e), BARE);
            } catch (ModuleArgs.BadArgument e) {
                r = TaskResult.failed(e.getMessage(), Map.of());
            }
            Map<String, Object> reg = new LinkedHashMap<>(r.registered());
            reg.putAll(loopKeys);
            results.add(reg);
            if (r.data().get("ansible_facts") instanceof Map<?, ?> facts && !task.action().equals("debug")) {
                current = new LinkedHashMap<>(current);
                for (Map.Entry<?, ?> f : facts.entrySet()) current.put(String.valueOf(f.getKey()), f.getValue());
            }
            r = markDebug(task, r);
            r = markDelegate(task, itemVars, r);
            anyChanged |= r.changed() || Boolean.TRUE.equals(r.registered().get("changed"));
            anyFailed |= r.failed();
            allSkipped &= r.status() == Status.SKIPPED;
            // the item's result as shown carries the loop variable, as Ansible's does
            Map<String, Object> shownData = new LinkedHashMap<>(r.data());
            shownData.putAll(loopKeys);
            TaskResult shown = new TaskResult(r.status(), r.msg(), shownData, r.diffs());
            pc.listener().hostResult(hs.name(), task.displayName(), SecretMask.mask(shown, SecretMask.secretValues(itemVars)),
                    label(task, item, itemVars), false, noLog);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("results", results);
        data.put("skipped", allSkipped);
        // a failed loop still says whether an item changed something (the recap counts it)
        if (anyChanged) data.put("changed", true);
        data.put(TaskResult.LOOP, true);
        Status st = anyFailed ? Status.FAILED : allSkipped ? Status.SKIPPED : anyChanged ? Status.CHANGED : Status.OK;
        String msg = anyFailed ? "One or more items failed" : allSkipped ? "All items skipped" : "All items completed";
        return new TaskResult(st, msg, data, List.of());
    }

    /** Ansible's ansible_loop of loop_control.extended, for the item at {@code i}. */
    private static Map<String, Object> ansibleLoop(List<?> items, int i, boolean allItems) {
        Map<String, Object> loop = new LinkedHashMap<>();
        int n = items.size();
        loop.put("index", i + 1);
        loop.put("index0", i);
        loop.put("first", i == 0);
        loop.put("last", i + 1 == n);
        loop.put("length", n);
        loop.put("revindex", n - i);
        loop.put("revindex0", n - i - 1);
        if (allItems) loop.put("allitems", items);
        if (i + 1 < n) loop.put("nextitem", items.get(i + 1));
        if (i > 0) loop.put("previtem", items.get(i - 1));
        return loop;
    }

    private static void pauseBetweenItems(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A delegated task's result says where it ran (not for a skip: Ansible resolves no delegate then). */
    private TaskResult markDelegate(Task task, Map<String, Object> vars, TaskResult r) {
        if (task.delegateTo() == null || r.status() == Status.SKIPPED || r.data().containsKey(TaskResult.DELEGATE)) return r;
        String target;
        try {
            target = pc.templar().toText(pc.templar().template(task.delegateTo(), vars));
        } catch (RuntimeException e) {
            return r;
        }
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.put(TaskResult.DELEGATE, target);
        return new TaskResult(r.status(), r.msg(), data, r.diffs());
    }

    /** Ansible warns about {{ }} or {% %} inside a condition (it is templated twice). */
    private void warnTemplatedConditions(Task task) {
        List<Object> conditions = new ArrayList<>(task.when());
        if (task.action().equals("assert")) {
            Object that = task.args().get("that");
            if (that instanceof List<?> l) conditions.addAll(l);
            else if (that != null) conditions.add(that);
        }
        for (Object c : conditions) {
            if (c instanceof String s && (s.contains("{{") || s.contains("{%"))) {
                pc.listener().warning("conditional statements should not include jinja2 templating delimiters such as {{ }} or {% %}. Found: " + s);
            }
        }
    }

    /** A debug task's skip is shown as Ansible's callback shows debug results (see the reporter). */
    private static TaskResult markDebug(Task task, TaskResult r) {
        if (r.status() != Status.SKIPPED || !task.action().equals("debug") || r.data().containsKey("_jsock_debug")) return r;
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        data.put("_jsock_debug", true);
        return new TaskResult(r.status(), r.msg(), data, r.diffs());
    }

    /**
     * jsock render cannot know what a host-side task returned; a later task that reads such a
     * result fails for that reason alone, so it is reported as not evaluated rather than as an error.
     */
    private TaskResult renderAware(HostState hs, TaskResult r) {
        if (pc.mode().live()) return r;
        if (r.status() == Status.SKIPPED && r.msg().startsWith("not evaluated")) hs.renderGaps = true;
        if (r.failed() && hs.renderGaps) {
            return TaskResult.skipped("not evaluated: depends on results that need the host (" + firstLine(r.msg()) + ")");
        }
        return r;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** How Ansible labels a loop item: loop_control.label templated, else Python's str() of the item. */
    private String label(Task task, Object item, Map<String, Object> itemVars) {
        if (task.loopLabel() == null) return item == null ? "None" : pc.templar().toText(item);
        try {
            return pc.templar().toText(pc.templar().template(task.loopLabel(), itemVars));
        } catch (TemplateException e) {
            return pc.templar().toText(item);
        }
    }

    /**
     * One execution of the action (one loop item). With until, the action is repeated until the
     * condition holds: retries+1 attempts (retries defaults to 3), delay seconds apart (default 5).
     */
    private TaskResult runOnce(HostState hs, Task task, Scope scope, Map<String, Object> vars) {
        if (task.until() == null) return attempt(hs, task, scope, vars);
        int retries = task.retries() == null ? 3 : Math.max(0, intOf(task.retries(), vars));
        int attempts = retries <= 0 ? 1 : retries + 1;
        double delay = task.delay() == null ? 5 : Math.max(0, Double.parseDouble(pc.templar().toText(pc.templar().template(task.delay(), vars))));
        TaskResult r = null;
        for (int i = 1; i <= attempts; i++) {
            r = attempt(hs, task, scope, vars);
            if (r.status() == Status.UNREACHABLE || r.status() == Status.SKIPPED) return r;
            Map<String, Object> withResult = withResult(vars, task, r);
            boolean done = pc.templar().condition(andAll(asList(task.until())), withResult);
            r = withAttempts(r, i);
            if (done) return r;
            if (i < attempts) {
                // the task waits for the host to change: its next attempt must look again
                hs.files.clear();
                pc.listener().retrying(hs.name(), task.displayName(), attempts - i);
                try {
                    Thread.sleep((long) (delay * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return TaskResult.failed("interrupted", Map.of());
                }
            }
        }
        // out of attempts: Ansible reports one attempt fewer than it made (the retries asked for)
        r = withAttempts(r, attempts - 1);
        return new TaskResult(Status.FAILED, r.msg(), r.data(), r.diffs());
    }

    private static TaskResult withAttempts(TaskResult r, int attempts) {
        Map<String, Object> d = new LinkedHashMap<>(r.data());
        d.put("attempts", attempts);
        return new TaskResult(r.status(), r.msg(), d, r.diffs());
    }

    private int intOf(Object raw, Map<String, Object> vars) {
        return Integer.parseInt(pc.templar().toText(pc.templar().template(raw, vars)).trim());
    }

    /** One attempt of the action, with changed_when / failed_when applied. */
    private TaskResult attempt(HostState hs, Task task, Scope scope, Map<String, Object> vars) {
        TaskResult r = actions.run(hs, task, scope, vars);
        if (r.status() == Status.UNREACHABLE || r.status() == Status.SKIPPED) return r;
        if (task.changedWhen() != null || task.failedWhen() != null) {
            Map<String, Object> withResult = withResult(vars, task, r);
            if (task.changedWhen() != null) {
                r = r.withChanged(pc.templar().condition(andAll(asList(task.changedWhen())), withResult));
            }
            if (task.failedWhen() != null) {
                boolean changed = Boolean.TRUE.equals(r.registered().get("changed"));
                boolean failed = pc.templar().condition(orAll(asList(task.failedWhen())), withResult);
                Map<String, Object> d = new LinkedHashMap<>(r.data());
                d.put("failed_when_result", failed);
                d.put("changed", changed);
                r = new TaskResult(failed ? Status.FAILED : changed ? Status.CHANGED : Status.OK, r.msg(), d, r.diffs());
                if (failed && r.msg().isEmpty()) r = r.withMsg("");
            }
        }
        return r;
    }

    private Outcome account(HostState hs, Task task, TaskResult r, Map<String, Object> vars) {
        HostStats s = hs.stats;
        boolean ignored = ignored(task, r, vars);
        switch (r.status()) {
            case SKIPPED -> s.skipped++;
            case UNREACHABLE -> s.unreachable++;
            case FAILED -> {
                if (ignored) {
                    // Ansible counts an ignored failure as ok, ignored, and changed if the module changed something
                    s.ok++;
                    s.ignored++;
                    if (Boolean.TRUE.equals(r.registered().get("changed"))) s.changed++;
                } else {
                    s.failed++;
                }
            }
            case CHANGED -> {
                s.ok++;
                s.changed++;
            }
            case OK -> s.ok++;
        }
        if (task.register() != null) hs.facts.put(task.register(), r.registered());
        if (r.changed()) {
            for (String n : task.notifies()) hs.notified.add(n);
        }
        if (r.status() == Status.UNREACHABLE) {
            hs.unreachable = true;
            return new Outcome(r, true);
        }
        return new Outcome(r, r.failed() && !ignored);
    }

    private boolean ignored(Task task, TaskResult r, Map<String, Object> vars) {
        if (!r.failed() || task.ignoreErrors() == null) return false;
        try {
            return bool(task.ignoreErrors(), vars, false);
        } catch (TemplateException | ModuleArgs.BadArgument e) {
            return false; // an ignore_errors that is not a boolean ignores nothing
        }
    }

    private boolean conditionsHold(List<Object> inherited, List<Object> own, Map<String, Object> vars) {
        for (Object c : inherited) if (!holds(c, vars)) return false;
        for (Object c : own) if (!holds(c, vars)) return false;
        return true;
    }

    private boolean holds(Object condition, Map<String, Object> vars) {
        try {
            return pc.templar().condition(condition, vars);
        } catch (TemplateException e) {
            throw new ConditionFailed(String.valueOf(condition), e);
        }
    }

    boolean bool(Object raw, Map<String, Object> vars, boolean dflt) {
        if (raw == null) return dflt;
        Object v = pc.templar().template(raw, vars);
        return v != null && ModuleArgs.toBool("value", v);
    }

    private static List<Object> asList(Object o) {
        if (o instanceof List<?> l) return new ArrayList<>(l);
        return List.of(o);
    }

    /** The variables until / changed_when / failed_when see: the task's, plus its result under register and at top level. */
    private static Map<String, Object> withResult(Map<String, Object> vars, Task task, TaskResult r) {
        Map<String, Object> m = new LinkedHashMap<>(vars);
        Map<String, Object> registered = r.registered();
        if (task.register() != null) m.put(task.register(), registered);
        for (Map.Entry<String, Object> e : registered.entrySet()) m.putIfAbsent(e.getKey(), e.getValue());
        return m;
    }

    private static Object andAll(List<Object> conds) {
        return joined(conds, " and ");
    }

    private static Object orAll(List<Object> conds) {
        return joined(conds, " or ");
    }

    /** A list of conditions as one expression; a single one is kept as written (it may be a boolean). */
    private static Object joined(List<Object> conds, String op) {
        if (conds.size() == 1) return conds.get(0);
        StringBuilder sb = new StringBuilder();
        for (Object c : conds) {
            if (sb.length() > 0) sb.append(op);
            sb.append('(').append(c instanceof Boolean b ? (b ? "True" : "False") : c).append(')');
        }
        return sb.toString();
    }

    /**
     * A templating failure as Ansible words it: what went wrong, then where the task is, with the
     * task's line and the one before it and a caret under the column.
     */
    static String templateMessage(Task task, TemplateException e) {
        String what = e.getMessage();
        // a filter's own refusal (mandatory) is Ansible's whole message, with no position
        if (what.contains("Mandatory variable")) return what.replaceFirst("^template error while templating string: ", "");
        // a lookup's failure too, its message said twice as Ansible says it
        if (what.contains(LOOKUP_FAILED)) {
            String m = what.substring(what.indexOf(LOOKUP_FAILED));
            return m + ". " + m.substring(m.indexOf("original message: ") + "original message: ".length());
        }
        String lead = undefined(what)
                ? "The task includes an option with an undefined variable. The error was: " + what + ". " + what
                : plainTemplateError(what);
        return lead + "\n\n" + ErrorPosition.describe(task.source());
    }

    private static final String LOOKUP_FAILED = "An unhandled exception occurred while running the lookup plugin";

    /** Ansible's message for a condition that could not be evaluated (with the task's position for when:, without for assert). */
    static String conditionMessage(String condition, TemplateException e) {
        String what = e.getMessage();
        String cause = undefined(what) ? what + ". " + what : plainTemplateError(what);
        return "The conditional check '" + condition + "' failed. The error was: error while evaluating conditional (" + condition + "): " + cause;
    }

    private static boolean undefined(String what) {
        return what.contains("is undefined") || what.contains("has no attribute") || what.contains("has no element");
    }

    private static String plainTemplateError(String what) {
        return what.startsWith("template error while templating string") ? what : "template error while templating string: " + what;
    }

    /** A when: condition that could not be evaluated, with its text. */
    static final class ConditionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String condition;
        final TemplateException cause;

        ConditionFailed(String condition, TemplateException cause) {
            super(cause.getMessage(), cause, false, false);
            this.condition = condition;
            this.cause = cause;
        }
    }

    /** Result data of a failure before the module ran: Ansible reports no "changed" key then. */
    static final Map<String, Object> BARE = Map.of("_jsock_bare", true);
}

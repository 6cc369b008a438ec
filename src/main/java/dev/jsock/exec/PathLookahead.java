package dev.jsock.exec;

import dev.jsock.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predicts which remote paths the coming file, copy, template and stat tasks of a host will look
 * at, by templating their path argument (per loop item) with the host's variables as they are now.
 * A prediction is only a hint for one batched look at the host: a path that cannot be templated
 * yet (it depends on a later set_fact or register) is left out and costs its task a look of its
 * own; a wrong one costs a few bytes of output. It never fails and never changes anything.
 */
final class PathLookahead {
    /** How far ahead to look, in tasks and in paths. */
    static final int MAX_TASKS = 60;
    static final int MAX_PATHS = 100;

    /** A task still to come and the scope it will run in. */
    record Upcoming(Task task, Scope scope) {}

    private final PlayContext pc;
    private final VarsResolver resolver;
    private final HostState hs;

    PathLookahead(PlayContext pc, VarsResolver resolver, HostState hs) {
        this.pc = pc;
        this.resolver = resolver;
        this.hs = hs;
    }

    List<String> paths(List<Upcoming> upcoming) {
        Set<String> out = new LinkedHashSet<>();
        int[] budget = {MAX_TASKS};
        for (Upcoming u : upcoming) {
            if (!collect(u.task(), u.scope(), out, budget)) break;
        }
        return new ArrayList<>(out);
    }

    /** False once the budget is spent. */
    private boolean collect(Task task, Scope scope, Set<String> out, int[] budget) {
        if (budget[0]-- <= 0 || out.size() >= MAX_PATHS) return false;
        if (task.isBlock()) {
            Scope inner = scope.enter(task);
            for (Task t : task.block()) if (!collect(t, inner, out, budget)) return false;
            return true;
        }
        String key = pathArgument(task);
        if (key == null) return true;
        try {
            Map<String, Object> vars = resolver.forTask(hs, task, scope);
            Object raw = task.args().get(key);
            if (task.loop() == null) {
                add(out, raw, vars);
                return true;
            }
            if (!(pc.templar().template(task.loop(), vars) instanceof List<?> items)) return true;
            for (Object item : items) {
                if (out.size() >= MAX_PATHS) return false;
                Map<String, Object> itemVars = new LinkedHashMap<>(vars);
                itemVars.put(task.loopVar(), item);
                add(out, raw, itemVars);
            }
        } catch (RuntimeException e) {
            // not predictable yet: the task looks for itself
        }
        return true;
    }

    private void add(Set<String> out, Object raw, Map<String, Object> vars) {
        Object v = pc.templar().template(raw, vars);
        if (v instanceof String s && !s.isEmpty() && !s.contains("\n")) out.add(s);
    }

    /** The argument naming the remote path a task looks at first, or null for other actions. */
    static String pathArgument(Task task) {
        String action = task.action();
        for (String prefix : List.of("ansible.builtin.", "ansible.legacy.")) {
            if (action.startsWith(prefix)) action = action.substring(prefix.length());
        }
        Map<String, Object> args = task.args();
        return switch (action) {
            case "copy", "template" -> args.containsKey("dest") ? "dest" : null;
            case "stat" -> args.containsKey("path") ? "path" : null;
            case "file" -> args.containsKey("path") ? "path" : args.containsKey("dest") ? "dest" : args.containsKey("name") ? "name" : null;
            default -> null;
        };
    }
}

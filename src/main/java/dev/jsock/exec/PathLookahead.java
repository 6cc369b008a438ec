package dev.jsock.exec;

import dev.jsock.model.Task;
import dev.jsock.modules.ModuleReads;
import dev.jsock.modules.RemoteFileCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predicts which remote paths the coming file, copy, template and stat tasks of a host will look
 * at, and the read-only commands its coming user and systemd tasks will start with, by templating
 * their path or name argument (per loop item) with the host's variables as they are now.
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
        return predict(upcoming).paths();
    }

    /** The paths and the modules' first read-only commands of the coming tasks. */
    RemoteFileCache.Prediction predict(List<Upcoming> upcoming) {
        Set<String> paths = new LinkedHashSet<>();
        Set<String> reads = new LinkedHashSet<>();
        int[] budget = {MAX_TASKS};
        for (Upcoming u : upcoming) {
            if (!collect(u.task(), u.scope(), paths, reads, budget)) break;
        }
        return new RemoteFileCache.Prediction(new ArrayList<>(paths), new ArrayList<>(reads));
    }

    /** False once the budget is spent. */
    private boolean collect(Task task, Scope scope, Set<String> paths, Set<String> reads, int[] budget) {
        if (budget[0]-- <= 0 || paths.size() + reads.size() >= MAX_PATHS) return false;
        if (task.isBlock()) {
            Scope inner = scope.enter(task);
            for (Task t : task.block()) if (!collect(t, inner, paths, reads, budget)) return false;
            return true;
        }
        String action = shortAction(task);
        String pathKey = pathArgument(task);
        String readKey = pathKey == null ? ModuleReads.nameArgument(action, task.args()) : null;
        if (pathKey == null && readKey == null) return true;
        java.util.function.Function<String, String> asRead = readKey == null ? p -> p : n -> ModuleReads.command(action, n);
        Set<String> out = pathKey != null ? paths : reads;
        try {
            Map<String, Object> vars = resolver.forTask(hs, task, scope);
            Object raw = task.args().get(pathKey != null ? pathKey : readKey);
            if (task.loop() == null) {
                add(out, raw, vars, asRead);
                return true;
            }
            if (!(LoopItems.of(pc.templar(), task.loop(), vars) instanceof List<?> items)) return true;
            for (Object item : items) {
                if (paths.size() + reads.size() >= MAX_PATHS) return false;
                Map<String, Object> itemVars = new LinkedHashMap<>(vars);
                itemVars.put(task.loopVar(), item);
                add(out, raw, itemVars, asRead);
            }
        } catch (RuntimeException e) {
            // not predictable yet: the task looks for itself
        }
        return true;
    }

    private void add(Set<String> out, Object raw, Map<String, Object> vars, java.util.function.Function<String, String> as) {
        Object v = pc.templar().template(raw, vars);
        if (v instanceof String s && !s.isEmpty() && !s.contains("\n")) out.add(as.apply(s));
    }

    private static String shortAction(Task task) {
        String action = task.action();
        for (String prefix : List.of("ansible.builtin.", "ansible.legacy.")) {
            if (action.startsWith(prefix)) action = action.substring(prefix.length());
        }
        return action;
    }

    /** The argument naming the remote path a task looks at first, or null for other actions. */
    static String pathArgument(Task task) {
        String action = shortAction(task);
        Map<String, Object> args = task.args();
        return switch (action) {
            case "copy", "template" -> args.containsKey("dest") ? "dest" : null;
            case "stat" -> args.containsKey("path") ? "path" : null;
            case "file" -> args.containsKey("path") ? "path" : args.containsKey("dest") ? "dest" : args.containsKey("name") ? "name" : null;
            case "lineinfile", "blockinfile", "replace" -> args.containsKey("path") ? "path" : args.containsKey("dest") ? "dest"
                    : args.containsKey("destfile") ? "destfile" : args.containsKey("name") ? "name" : null;
            default -> null;
        };
    }
}

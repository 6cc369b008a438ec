package dev.jsock.report;

import dev.jsock.exec.HostStats;
import dev.jsock.exec.PlaybookRunner;
import dev.jsock.exec.RunListener;
import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON document for CI, written when the run ends: plays → tasks → per-host results (with loop
 * items and diffs), the recap, durations in seconds, and the exit code. Values of no_log tasks are
 * replaced by a censored marker, as in the human output.
 */
public final class JsonReporter implements RunListener {
    private final PrintWriter out;
    private final Clock clock;
    private final long started;
    private final List<Map<String, Object>> plays = new ArrayList<>();
    private Map<String, Object> currentTask;
    private long taskStarted;
    private final List<String> warnings = new ArrayList<>();

    public JsonReporter(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.millis();
    }

    @Override
    public synchronized void playStarted(String name, List<String> hosts) {
        closeTask();
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("name", name);
        play.put("hosts", List.copyOf(hosts));
        play.put("tasks", new ArrayList<Map<String, Object>>());
        plays.add(play);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void taskStarted(String name, boolean handler) {
        closeTask();
        currentTask = new LinkedHashMap<>();
        currentTask.put("name", name);
        currentTask.put("handler", handler);
        currentTask.put("hosts", new LinkedHashMap<String, Object>());
        taskStarted = clock.millis();
        if (!plays.isEmpty()) ((List<Map<String, Object>>) plays.get(plays.size() - 1).get("tasks")).add(currentTask);
    }

    private void closeTask() {
        if (currentTask != null) currentTask.put("duration", (clock.millis() - taskStarted) / 1000.0);
        currentTask = null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void hostResult(String host, String task, TaskResult r, Object item, boolean ignored, boolean noLog) {
        if (currentTask == null) return;
        Map<String, Object> hosts = (Map<String, Object>) currentTask.get("hosts");
        Map<String, Object> entry = describe(r, ignored, noLog);
        if (item == null) {
            hosts.put(host, entry);
            return;
        }
        Map<String, Object> agg = (Map<String, Object>) hosts.computeIfAbsent(host, h -> new LinkedHashMap<String, Object>());
        entry.put("item", noLog ? null : item);
        ((List<Object>) agg.computeIfAbsent("items", k -> new ArrayList<Object>())).add(entry);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void loopFinished(String host, String task, TaskResult r, boolean ignored) {
        if (currentTask == null) return;
        Map<String, Object> hosts = (Map<String, Object>) currentTask.get("hosts");
        Map<String, Object> agg = (Map<String, Object>) hosts.computeIfAbsent(host, h -> new LinkedHashMap<String, Object>());
        agg.put("status", r.status().word());
        agg.put("changed", r.changed());
        agg.put("ignored", ignored);
        agg.put("msg", r.msg());
    }

    @Override
    public synchronized void included(String file, String host, Object item) {
        hostResult(host, "", TaskResult.ok(Map.of("included", file)), null, false, false);
    }

    @Override
    public synchronized void roleIncluded(String host, String role) {
        hostResult(host, "", TaskResult.ok(Map.of("included_role", role)), null, false, false);
    }

    @Override
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    private static Map<String, Object> describe(TaskResult r, boolean ignored, boolean noLog) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().word());
        m.put("changed", Boolean.TRUE.equals(r.registered().get("changed")));
        if (ignored) m.put("ignored", true);
        if (noLog) {
            m.put("censored", "the output has been hidden due to the fact that 'no_log: true' was specified for this result");
            return m;
        }
        if (!r.msg().isEmpty()) m.put("msg", r.msg());
        Map<String, Object> result = new LinkedHashMap<>(r.data());
        result.keySet().removeIf(k -> k.startsWith("_"));
        if (!result.isEmpty()) m.put("result", result);
        if (!r.diffs().isEmpty()) {
            List<Object> diffs = new ArrayList<>();
            for (FileDiff d : r.diffs()) diffs.add(UnifiedDiff.of(d));
            m.put("diff", diffs);
        }
        return m;
    }

    @Override
    public synchronized void recap(Map<String, HostStats> stats) {
        closeTask();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("plays", plays);
        Map<String, Object> recap = new LinkedHashMap<>();
        for (Map.Entry<String, HostStats> e : stats.entrySet()) {
            HostStats s = e.getValue();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("ok", s.ok);
            c.put("changed", s.changed);
            c.put("unreachable", s.unreachable);
            c.put("failed", s.failed);
            c.put("skipped", s.skipped);
            c.put("rescued", s.rescued);
            c.put("ignored", s.ignored);
            recap.put(e.getKey(), c);
        }
        doc.put("stats", recap);
        doc.put("warnings", warnings);
        doc.put("duration", (clock.millis() - started) / 1000.0);
        doc.put("exit_code", PlaybookRunner.exitCode(stats));
        out.println(PyJson.indented(doc));
        out.flush();
    }
}

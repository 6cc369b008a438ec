package dev.jsock.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one task did on one host (one loop item, or the whole loop). {@code data} holds the
 * module's own return values (rc, stdout, path, state …); {@link #registered()} adds Ansible's
 * common keys so that {@code register:} sees what it would see in Ansible.
 */
public record TaskResult(Status status, String msg, Map<String, Object> data, List<FileDiff> diffs) {

    public enum Status {
        OK, CHANGED, FAILED, SKIPPED, UNREACHABLE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Marks the result of a whole loop (its items are in "results"); never registered or shown. */
    public static final String LOOP = "_jsock_loop";
    /** Where a delegated task ran (shown as "host -> delegate"); never registered. */
    public static final String DELEGATE = "_jsock_delegate";

    public TaskResult {
        data = Maps.copy(data);
        diffs = List.copyOf(diffs);
        msg = msg == null ? "" : msg;
    }

    public static TaskResult ok(Map<String, Object> data) {
        return new TaskResult(Status.OK, "", data, List.of());
    }

    public static TaskResult changed(Map<String, Object> data, List<FileDiff> diffs) {
        return new TaskResult(Status.CHANGED, "", data, diffs);
    }

    public static TaskResult of(boolean changed, Map<String, Object> data, List<FileDiff> diffs) {
        return new TaskResult(changed ? Status.CHANGED : Status.OK, "", data, diffs);
    }

    public static TaskResult failed(String msg, Map<String, Object> data) {
        return new TaskResult(Status.FAILED, msg, data, List.of());
    }

    public static TaskResult skipped(String msg) {
        return new TaskResult(Status.SKIPPED, msg, Map.of(), List.of());
    }

    public static TaskResult unreachable(String msg) {
        return new TaskResult(Status.UNREACHABLE, msg, Map.of(), List.of());
    }

    public boolean changed() {
        return status == Status.CHANGED;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    public TaskResult withStatus(Status newStatus) {
        return new TaskResult(newStatus, msg, data, diffs);
    }

    /** changed_when's verdict: ok/changed for a success, the "changed" flag of a failure. */
    public TaskResult withChanged(boolean changedNow) {
        if (status == Status.FAILED) {
            Map<String, Object> d = new LinkedHashMap<>(data);
            d.put("changed", changedNow);
            return new TaskResult(status, msg, d, diffs);
        }
        if (status == Status.OK || status == Status.CHANGED) return withStatus(changedNow ? Status.CHANGED : Status.OK);
        return this;
    }

    public TaskResult withMsg(String newMsg) {
        return new TaskResult(status, newMsg, data, diffs);
    }

    /** The value a {@code register:} variable receives. */
    public Map<String, Object> registered() {
        Map<String, Object> m = new LinkedHashMap<>(data);
        m.keySet().removeIf(k -> k.startsWith("_jsock") || k.equals("_ansible_verbose_always"));
        // A failed command still reports changed: true in Ansible; keep the module's own word then.
        // A failure before any module ran (templating) has no "changed" at all.
        if (!data.containsKey("_jsock_bare")) {
            m.put("changed", status == Status.CHANGED || (status == Status.FAILED && Boolean.TRUE.equals(data.get("changed"))));
        }
        boolean loop = data.containsKey(LOOP);
        // Ansible's skipped results and whole-loop results say "failed" only when they failed
        if (status == Status.FAILED || (status != Status.SKIPPED && !loop)) m.put("failed", status == Status.FAILED);
        if (status == Status.SKIPPED) {
            m.put("skipped", true);
            if (!loop && !data.containsKey("skipped_reason") && !data.containsKey("msg")) m.putIfAbsent("skip_reason", msg.isEmpty() ? "Conditional result was False" : msg);
        }
        if (status == Status.UNREACHABLE) m.put("unreachable", true);
        if (!msg.isEmpty() && (status != Status.SKIPPED || loop)) m.put("msg", msg);
        return m;
    }
}

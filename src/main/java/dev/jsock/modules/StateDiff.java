package dev.jsock.modules;

import dev.jsock.model.FileDiff;
import java.util.Map;
import java.util.TreeMap;

/**
 * A diff of attributes rather than content (file state, mode, owner), shown as Ansible shows a
 * dict diff: sorted keys, four-space indent, one per line. Its {@link FileDiff#path()} is null,
 * which is how a reporter tells it apart from a content diff (Ansible prints "--- before" with no name).
 */
final class StateDiff {
    private StateDiff() {}

    static FileDiff of(Map<String, String> before, Map<String, String> after) {
        return new FileDiff(null, render(before), render(after));
    }

    /** An attributes diff labelled as Ansible labels one ("PATH (file attributes)"); numbers (uid, gid) stay unquoted. */
    static FileDiff labelled(String label, Map<String, ?> before, Map<String, ?> after) {
        return new FileDiff(label, render(before), render(after));
    }

    static String render(Map<String, ?> values) {
        StringBuilder s = new StringBuilder("{\n");
        var sorted = new TreeMap<String, Object>(values).entrySet().iterator();
        while (sorted.hasNext()) {
            var e = sorted.next();
            Object v = e.getValue();
            String shown = v instanceof Number ? v.toString() : "\"" + escape(String.valueOf(v)) + "\"";
            s.append("    \"").append(escape(e.getKey())).append("\": ").append(shown);
            s.append(sorted.hasNext() ? ",\n" : "\n");
        }
        return s.append("}\n").toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

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

    static String render(Map<String, String> values) {
        StringBuilder s = new StringBuilder("{\n");
        var sorted = new TreeMap<>(values).entrySet().iterator();
        while (sorted.hasNext()) {
            var e = sorted.next();
            s.append("    \"").append(escape(e.getKey())).append("\": \"").append(escape(e.getValue())).append('"');
            s.append(sorted.hasNext() ? ",\n" : "\n");
        }
        return s.append("}\n").toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

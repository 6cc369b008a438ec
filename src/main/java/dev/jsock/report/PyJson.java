package dev.jsock.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as Python's json.dumps writes it in Ansible's output: ", " and ": " separators, keys sorted,
 * non-ASCII kept, optional indent of 4. Matching it keeps jsock's output diffable with Ansible's.
 */
public final class PyJson {
    private PyJson() {}

    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, -1, 0);
        return sb.toString();
    }

    public static String indented(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 4, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Map<?, ?> m) {
            writeMap(sb, m, indent, depth);
        } else if (v instanceof List<?> l) {
            writeList(sb, l, indent, depth);
        } else if (v instanceof Object[] arr) {
            writeList(sb, List.of(arr), indent, depth);
        } else {
            string(sb, String.valueOf(v));
        }
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> m, int indent, int depth) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) sorted.put(String.valueOf(e.getKey()), e.getValue());
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) sb.append(indent < 0 ? ", " : ",");
            first = false;
            newline(sb, indent, depth + 1);
            string(sb, e.getKey());
            sb.append(": ");
            write(sb, e.getValue(), indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append('}');
    }

    private static void writeList(StringBuilder sb, List<?> l, int indent, int depth) {
        if (l.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        boolean first = true;
        for (Object o : l) {
            if (!first) sb.append(indent < 0 ? ", " : ",");
            first = false;
            newline(sb, indent, depth + 1);
            write(sb, o, indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent < 0) return;
        sb.append('\n');
        sb.append(" ".repeat(indent * depth));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}

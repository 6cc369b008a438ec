package dev.jsock.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python's json.dumps as Ansible's to_json / to_nice_json call it (ensure_ascii, Python float repr). */
final class PyJson {
    private final Integer indent;
    private final boolean sortKeys;
    private final StringBuilder out = new StringBuilder();

    private PyJson(Integer indent, boolean sortKeys) {
        this.indent = indent;
        this.sortKeys = sortKeys;
    }

    static String dumps(Object value, Integer indent, boolean sortKeys) {
        PyJson json = new PyJson(indent, sortKeys);
        json.write(value, 0);
        return json.out.toString();
    }

    static List<AnsibleFilter> filters() {
        return List.of(
                AnsibleFilter.of("to_json", (v, a) -> dumps(v, indentArg(a.get(-1, "indent", null)), a.bool(-1, "sort_keys", false))),
                AnsibleFilter.of("to_nice_json", (v, a) -> dumps(v, indentArg(a.get(0, "indent", 4)), a.bool(-1, "sort_keys", true))));
    }

    private static Integer indentArg(Object v) {
        return v == null ? null : (int) Values.toLong(v);
    }

    private void write(Object v, int level) {
        Values.defined(v);
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Number) {
            out.append(PyRepr.repr(v).replace("inf", "Infinity").replace("nan", "NaN"));
        } else if (v instanceof CharSequence s) {
            string(s.toString());
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((x, y) -> Values.compare(x.getKey(), y.getKey()));
            }
            container('{', '}', entries, level, e -> {
                string(key(e.getKey()));
                out.append(": ");
                write(e.getValue(), level + 1);
            });
        } else if (v instanceof Collection<?> c) {
            container('[', ']', new ArrayList<>(c), level, item -> write(item, level + 1));
        } else {
            string(v.toString());
        }
    }

    private static String key(Object k) {
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return k == null ? "null" : Values.str(k);
    }

    private <T> void container(char open, char close, List<T> items, int level, java.util.function.Consumer<T> each) {
        out.append(open);
        if (items.isEmpty()) {
            out.append(close);
            return;
        }
        String sep = indent == null ? ", " : ",";
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(sep);
            }
            newline(level + 1);
            each.accept(items.get(i));
        }
        newline(level);
        out.append(close);
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    private void string(String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

package dev.jsock.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PyYAML's yaml.dump as Ansible's to_yaml (flow style for leaf collections) and to_nice_yaml
 * (block style, indent 4) call it: sorted keys, unicode kept, and strings that would read back as
 * another type quoted.
 */
final class PyYaml {
    /** Plain scalars PyYAML's resolver would read as bool, null, int or float. */
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
            + "|~|null|Null|NULL|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?(?:[0-9][0-9_]*)(?::[0-5]?[0-9])+|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|=|<<)");

    private final int indent;
    private final boolean flowLeaves;
    private final StringBuilder out = new StringBuilder();

    private PyYaml(int indent, boolean flowLeaves) {
        this.indent = indent;
        this.flowLeaves = flowLeaves;
    }

    static List<AnsibleFilter> filters() {
        return List.of(
                AnsibleFilter.of("to_yaml", (v, a) -> dump(v, (int) Values.toLong(a.get(-1, "indent", 2)), true)),
                AnsibleFilter.of("to_nice_yaml", (v, a) -> dump(v, (int) Values.toLong(a.get(0, "indent", 4)), false)));
    }

    static String dump(Object value, int indent, boolean flowLeaves) {
        PyYaml yaml = new PyYaml(indent, flowLeaves);
        if (isCollection(value) && !(flowLeaves && isLeaf(value)) && !isEmpty(value)) {
            yaml.block(value, 0);
        } else {
            // a lone scalar ends at its line: Ansible's dumper writes no "..." document end after it
            yaml.out.append(yaml.flow(value)).append('\n');
        }
        return yaml.out.toString();
    }

    private static boolean isCollection(Object v) {
        return v instanceof Map || v instanceof Collection;
    }

    private static boolean isEmpty(Object v) {
        return v instanceof Map<?, ?> m ? m.isEmpty() : ((Collection<?>) v).isEmpty();
    }

    private static boolean isLeaf(Object v) {
        Collection<?> items = v instanceof Map<?, ?> m ? m.values() : (Collection<?>) v;
        return items.stream().noneMatch(PyYaml::isCollection);
    }

    private boolean inline(Object v) {
        return !isCollection(v) || isEmpty(v) || (flowLeaves && isLeaf(v));
    }

    private void block(Object v, int column) {
        if (v instanceof Map<?, ?> m) {
            boolean first = true;
            for (Map.Entry<?, ?> e : sorted(m)) {
                if (!first) {
                    out.append(" ".repeat(column));
                }
                first = false;
                out.append(scalar(e.getKey()));
                Object value = e.getValue();
                if (inline(value)) {
                    out.append(": ").append(flow(value)).append('\n');
                } else if (value instanceof Map) {
                    out.append(":\n").append(" ".repeat(column + indent));
                    block(value, column + indent);
                } else {
                    out.append(":\n").append(" ".repeat(column));
                    block(value, column);
                }
            }
        } else {
            boolean first = true;
            for (Object item : (Collection<?>) v) {
                if (!first) {
                    out.append(" ".repeat(column));
                }
                first = false;
                if (inline(item)) {
                    out.append("- ").append(flow(item)).append('\n');
                } else {
                    out.append('-').append(" ".repeat(indent - 1));
                    block(item, column + indent);
                }
            }
        }
    }

    private static List<Map.Entry<?, ?>> sorted(Map<?, ?> m) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        entries.sort((x, y) -> Values.compare(x.getKey(), y.getKey()));
        return entries;
    }

    private String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : sorted(m)) {
                parts.add(scalar(e.getKey()) + ": " + flow(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object item : c) {
                parts.add(flow(item));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return scalar(v);
    }

    static String scalar(Object v) {
        Values.defined(v);
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (Values.isFloat(v)) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return PyRepr.floatRepr(d);
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return string(Values.str(v));
    }

    private static String string(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f) || s.contains("\t")) {
            return PyJson.dumps(s, null, false).replace("\\u00", "\\x");
        }
        boolean plain = !NOT_A_STRING.matcher(s).matches()
                && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0
                && !Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1))
                && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
                && !(s.startsWith("-") || s.startsWith("?") || s.startsWith(":"));
        if (plain) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }
}

package dev.jsock.load;

import dev.jsock.model.Source;
import dev.jsock.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Collects a task's keywords while its mapping is read, checking each value's shape. */
final class TaskFields {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ONE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);

    private final YamlDoc doc;
    private final Consumer<String> warnings;
    String name;
    List<Object> when = List.of();
    Object loop;
    String loopVar;
    String register;
    List<String> notifies = List.of();
    List<String> listen = List.of();
    Object changedWhen;
    Object failedWhen;
    Object ignoreErrors;
    List<String> tags = List.of();
    Map<String, Object> vars = Map.of();
    Object become;
    Object becomeUser;
    Object noLog;
    Object checkMode;
    String delegateTo;
    Object runOnce;
    Object until;
    Object retries;
    Object delay;
    Object loopLabel;
    dev.jsock.model.LoopExtras loopExtras = dev.jsock.model.LoopExtras.NONE;
    Object environment;
    private String loopKeyword;

    TaskFields(YamlDoc doc, Consumer<String> warnings) {
        this.doc = doc;
        this.warnings = warnings;
    }

    void set(YamlDoc.Entry e) {
        Node v = e.valueNode();
        Object value = doc.toJava(v);
        switch (e.key()) {
            case "name" -> {
                if (value instanceof List || value instanceof Map) {
                    throw doc.error(v, "The field 'name' is supposed to be a string type, however the incoming data structure is a "
                            + (value instanceof List ? "<class 'list'>" : "<class 'dict'>"));
                }
                name = value == null ? null : PyStr.of(value);
            }
            case "when" -> when = value == null ? List.of() : value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
            case "loop", "with_list", "with_items", "with_dict" -> setLoop(e, value);
            case "with_nested", "with_together", "with_subelements", "with_indexed_items", "with_sequence", "with_fileglob",
                    "with_first_found", "with_lines", "with_flattened", "with_file", "with_env", "with_pipe", "with_template",
                    "with_vars" -> setLoop(e, value);
            case "loop_control" -> loopControl(e, value);
            case "register" -> register = identifier(e, value);
            case "notify" -> notifies = strings(e, value);
            case "listen" -> listen = strings(e, value);
            case "changed_when" -> changedWhen = value;
            case "failed_when" -> failedWhen = value;
            case "ignore_errors" -> {
                requireBool(doc, e, value);
                ignoreErrors = value;
            }
            case "tags" -> tags = tags(doc, e, value);
            case "vars" -> vars = vars(doc, e, value, "a Task");
            case "become" -> {
                requireBool(doc, e, value);
                become = value;
            }
            case "become_user" -> becomeUser = value;
            case "become_method" -> sudoOnly(doc, e, value);
            case "no_log" -> {
                requireBool(doc, e, value);
                noLog = value;
            }
            case "check_mode" -> {
                requireBool(doc, e, value);
                checkMode = value;
            }
            case "environment" -> environment = value;
            case "until" -> until = value;
            case "retries" -> retries = value;
            case "delay" -> delay = value;
            case "delegate_to" -> delegateTo = value == null ? null : PyStr.of(value);
            case "run_once" -> {
                requireBool(doc, e, value);
                runOnce = value;
            }
            default -> throw new IllegalStateException("unhandled keyword " + e.key());
        }
    }

    private void setLoop(YamlDoc.Entry e, Object value) {
        if (loopKeyword != null) {
            throw doc.error(e.keyNode(), "'" + e.key() + "' and '" + loopKeyword + "' cannot be used together in one task");
        }
        loopKeyword = e.key();
        loop = switch (e.key()) {
            case "with_items" -> withItems(value);
            case "with_list" -> value instanceof List || isTemplate(value) ? value : List.of(value);
            case "with_dict" -> withDict(e, value);
            case "loop" -> value;
            // with_X is query('X', terms): the run templates the terms and asks the lookup (LoopItems)
            default -> dev.jsock.model.LoopLookup.of(e.key().substring("with_".length()), value);
        };
    }

    /** with_items flattens one level of nested lists, a templated list too (when the run gives it). */
    private static Object withItems(Object value) {
        if (value instanceof String s) {
            var matcher = ONE_EXPRESSION.matcher(s);
            if (matcher.matches() && !matcher.group(1).contains("}}")) return "{{ (" + matcher.group(1).strip() + ") | jsock_with_items }}";
        }
        if (isTemplate(value)) return value;
        if (!(value instanceof List<?> list)) return value == null ? List.of() : List.of(value);
        List<Object> flat = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof List<?> inner) flat.addAll(inner);
            else flat.add(o);
        }
        return flat;
    }

    /** with_dict gives {key, value} items, as dict2items does. */
    private Object withDict(YamlDoc.Entry e, Object value) {
        if (value instanceof Map<?, ?> m) {
            List<Object> items = new ArrayList<>();
            for (Map.Entry<?, ?> x : m.entrySet()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", x.getKey());
                item.put("value", x.getValue());
                items.add(item);
            }
            return items;
        }
        if (value instanceof String s) {
            var matcher = ONE_EXPRESSION.matcher(s);
            if (matcher.matches() && !matcher.group(1).contains("}}")) return "{{ (" + matcher.group(1).strip() + ") | dict2items }}";
        }
        throw doc.error(e.valueNode(), "with_dict needs a dictionary or one \"{{ expression }}\"");
    }

    private static boolean isTemplate(Object value) {
        return value instanceof String s && s.contains("{{");
    }

    private void loopControl(YamlDoc.Entry e, Object value) {
        if (!(value instanceof Map<?, ?> m)) throw doc.error(e.valueNode(), "'loop_control' must be a dictionary");
        for (Map.Entry<?, ?> x : m.entrySet()) {
            String k = (String) x.getKey();
            switch (k) {
                case "loop_var" -> loopVar = PyStr.of(x.getValue());
                case "label" -> loopLabel = x.getValue();
                case "index_var" -> loopExtras = new dev.jsock.model.LoopExtras(PyStr.of(x.getValue()), loopExtras.extended(),
                        loopExtras.extendedAllitems(), loopExtras.pause());
                case "extended" -> loopExtras = new dev.jsock.model.LoopExtras(loopExtras.indexVar(), x.getValue(),
                        loopExtras.extendedAllitems(), loopExtras.pause());
                case "extended_allitems" -> loopExtras = new dev.jsock.model.LoopExtras(loopExtras.indexVar(), loopExtras.extended(),
                        x.getValue(), loopExtras.pause());
                case "pause" -> loopExtras = new dev.jsock.model.LoopExtras(loopExtras.indexVar(), loopExtras.extended(),
                        loopExtras.extendedAllitems(), x.getValue());
                default -> throw doc.error(e.valueNode(), "'" + k + "' in loop_control is not supported by jsock"
                        + " (supported: loop_var, label, index_var, extended, extended_allitems, pause)"
                        + Hints.didYouMean(k, List.of("loop_var", "label", "index_var", "extended", "extended_allitems", "pause")));
            }
        }
    }

    private String identifier(YamlDoc.Entry e, Object value) {
        String s = value == null ? "" : PyStr.of(value);
        if (!IDENTIFIER.matcher(s).matches()) {
            throw doc.error(e.valueNode(), "Invalid variable name in 'register' specified: '" + s + "'");
        }
        return s;
    }

    private List<String> strings(YamlDoc.Entry e, Object value) {
        if (value == null) return List.of();
        if (value instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map || o instanceof List) throw doc.error(e.valueNode(), "'" + e.key() + "' must be a string or a list of strings");
                out.add(PyStr.of(o));
            }
            return out;
        }
        if (value instanceof Map) throw doc.error(e.valueNode(), "'" + e.key() + "' must be a string or a list of strings");
        return List.of(PyStr.of(value));
    }

    /** tags: a list, or a comma-separated string, as Ansible accepts. */
    static List<String> tags(YamlDoc doc, YamlDoc.Entry e, Object value) {
        if (value == null) return List.of();
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map || o instanceof List) throw doc.error(e.valueNode(), "'tags' must be a string or a list of strings");
                out.add(PyStr.of(o));
            }
        } else if (value instanceof Map) {
            throw doc.error(e.valueNode(), "'tags' must be a string or a list of strings");
        } else {
            for (String t : PyStr.of(value).split(",")) if (!t.isBlank()) out.add(t.strip());
        }
        return out;
    }

    /** vars: a dictionary, or (as Ansible also allows) a list of dictionaries merged in order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> vars(YamlDoc doc, YamlDoc.Entry e, Object value, String owner) {
        if (value == null) return Map.of();
        if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
        if (value instanceof List<?> l && l.stream().allMatch(x -> x instanceof Map)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object o : l) out.putAll((Map<String, Object>) o);
            return out;
        }
        throw doc.error(e.valueNode(), "'vars' must be a dictionary (Vars in " + owner
                + " must be specified as a dictionary, or a list of dictionaries), got " + YamlFiles.kindOf(value));
    }

    /** A boolean keyword written literally must be one of YAML's or Ansible's booleans; a template is checked at run time. */
    static void requireBool(YamlDoc doc, YamlDoc.Entry e, Object value) {
        if (value == null || value instanceof Boolean) return;
        String s = PyStr.of(value).trim().toLowerCase(java.util.Locale.ROOT);
        if (s.contains("{{")) return;
        if (!List.of("yes", "no", "true", "false", "on", "off", "1", "0", "y", "n", "t", "f").contains(s)) {
            throw doc.error(e.valueNode(), "The field '" + e.key() + "' has an invalid value, which includes an undefined variable or is not a boolean: '"
                    + PyStr.of(value) + "'");
        }
    }

    static void sudoOnly(YamlDoc doc, YamlDoc.Entry e, Object value) {
        if (!"sudo".equals(value)) {
            throw doc.error(e.valueNode(), "become_method '" + PyStr.of(value) + "' is not supported by jsock (only sudo)");
        }
    }

    Task build(String action, Map<String, Object> args, List<Task> block, List<Task> rescue, List<Task> always,
            TaskContext ctx, Source src) {
        return new Task(name, action, args, when, loop, loopVar, register, notifies, listen, changedWhen, failedWhen,
                ignoreErrors, tags, vars, become, becomeUser, noLog, checkMode, delegateTo, runOnce, until, retries, delay, loopLabel, loopExtras, environment, block, rescue,
                always, ctx.role(), ctx.baseDir(), src);
    }
}

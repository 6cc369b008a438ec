package dev.jsock.exec;

import dev.jsock.model.Task;
import dev.jsock.model.TaskResult;
import dev.jsock.template.Templar;
import dev.jsock.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Actions that run on the controller and never touch a host: debug, set_fact, assert, fail. */
final class LocalActions {
    private static final Set<String> NAMES = Set.of("debug", "set_fact", "assert", "fail");
    private final Templar templar;

    LocalActions(Templar templar) {
        this.templar = templar;
    }

    static boolean handles(String action) {
        return NAMES.contains(action);
    }

    TaskResult run(HostState hs, Task task, Map<String, Object> vars, int verbosity) {
        return switch (task.action()) {
            case "debug" -> debug(task, vars, verbosity);
            case "set_fact" -> setFact(hs, task, vars);
            case "assert" -> assertThat(task, vars);
            default -> fail(task, vars);
        };
    }

    private TaskResult debug(Task task, Map<String, Object> vars, int verbosity) {
        Map<String, Object> args = task.args();
        Object level = args.get("verbosity");
        if (level != null && Integer.parseInt(String.valueOf(templar.template(level, vars))) > verbosity) {
            // an action-level skip: Ansible reports it as skipped_reason, not as a condition's skip_reason
            return new TaskResult(TaskResult.Status.SKIPPED, "", Map.of("skipped_reason", "Verbosity threshold not met.", "_jsock_debug", true), List.of());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (args.containsKey("var")) {
            String name = String.valueOf(args.get("var"));
            Object value;
            try {
                value = templar.template("{{ " + name + " }}", vars);
            } catch (TemplateException e) {
                value = "VARIABLE IS NOT DEFINED!";
            }
            data.put(name, value);
        } else {
            Object msg = args.containsKey("msg") ? templar.template(args.get("msg"), vars) : "Hello world!";
            if (VarsResolver.OMIT.equals(msg)) msg = "Hello world!"; // an omitted msg is no msg
            data.put("msg", msg);
        }
        data.put("_ansible_verbose_always", true);
        data.put("_jsock_debug", true);
        return TaskResult.ok(data);
    }

    /** Python's keywords: Ansible refuses them as variable names (True, False and None included). */
    private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * As Ansible's set_fact: names are templated too ({@code "port_{{ item }}": 80}) and must be
     * ASCII identifiers, not Python keywords; a value that is the text true/false/yes/no becomes a
     * boolean (Ansible does this for every string value, not only key=value ones).
     */
    private TaskResult setFact(HostState hs, Task task, Map<String, Object> vars) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : task.args().entrySet()) {
            if (e.getKey().equals("cacheable")) continue;
            String name = templar.toText(templar.template(e.getKey(), vars));
            if (!IDENTIFIER.matcher(name).matches() || PYTHON_KEYWORDS.contains(name)) {
                return TaskResult.failed("The variable name '" + name + "' is not valid. Variables must start with a letter or underscore character, "
                        + "and contain only letters, numbers and underscores.", Map.of());
            }
            Object value = templar.template(e.getValue(), vars);
            if (VarsResolver.OMIT.equals(value)) continue; // as Ansible: an omitted value sets nothing
            if (value instanceof String text) {
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                if (lower.equals("true") || lower.equals("yes")) value = Boolean.TRUE;
                else if (lower.equals("false") || lower.equals("no")) value = Boolean.FALSE;
            }
            facts.put(name, value);
        }
        if (facts.isEmpty()) {
            return TaskResult.failed("No key/value pairs provided, at least one is required for this action to succeed", Map.of());
        }
        hs.facts.putAll(facts);
        return TaskResult.ok(Map.of("ansible_facts", facts));
    }

    private TaskResult assertThat(Task task, Map<String, Object> vars) {
        Object that = task.args().get("that");
        List<Object> conditions = that instanceof List<?> l ? new ArrayList<>(l) : List.of(that);
        boolean quiet = task.args().get("quiet") != null && Boolean.parseBoolean(String.valueOf(templar.template(task.args().get("quiet"), vars)));
        for (Object c : conditions) {
            boolean holds;
            try {
                holds = templar.condition(c, vars);
            } catch (TemplateException e) {
                // as Ansible's assert: the conditional's own message, without a position
                return TaskResult.failed(TaskExecutor.conditionMessage(String.valueOf(c), e), TaskExecutor.BARE);
            }
            if (!holds) {
                Object msg = task.args().containsKey("fail_msg") ? task.args().get("fail_msg") : task.args().get("msg");
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("assertion", c);
                data.put("evaluated_to", false);
                data.put("_ansible_verbose_always", true); // Ansible shows a failed assert expanded
                String text = msg == null ? "Assertion failed" : templar.toText(templar.template(msg, vars));
                return TaskResult.failed(text, data);
            }
        }
        Object ok = task.args().get("success_msg");
        Map<String, Object> data = new LinkedHashMap<>();
        if (!quiet) {
            data.put("msg", ok == null ? "All assertions passed" : templar.template(ok, vars));
            data.put("_ansible_verbose_always", true);
        }
        return TaskResult.ok(data);
    }

    private TaskResult fail(Task task, Map<String, Object> vars) {
        Object msg = task.args().get("msg");
        return TaskResult.failed(msg == null ? "Failed as requested from task" : templar.toText(templar.template(msg, vars)), Map.of());
    }
}

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

/** Actions that run on the controller and never touch a host: debug, set_fact, assert, fail, include_vars. */
final class LocalActions {
    private static final Set<String> NAMES = Set.of("debug", "set_fact", "assert", "fail", "include_vars", "pause");
    private final Templar templar;
    private final java.util.function.Function<java.nio.file.Path, Map<String, Object>> varsFiles;

    private final java.util.function.Consumer<String> warnings;

    LocalActions(Templar templar, java.util.function.Function<java.nio.file.Path, Map<String, Object>> varsFiles,
                 java.util.function.Consumer<String> warnings) {
        this.warnings = warnings;
        this.templar = templar;
        this.varsFiles = varsFiles;
    }

    static boolean handles(String action) {
        return NAMES.contains(action);
    }

    TaskResult run(HostState hs, Task task, Map<String, Object> vars, int verbosity) {
        return switch (task.action()) {
            case "debug" -> debug(task, vars, verbosity);
            case "set_fact" -> setFact(hs, task, vars);
            case "include_vars" -> includeVars(hs, task, vars);
            case "assert" -> assertThat(task, vars);
            case "pause" -> pause(task, vars);
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
        if (args.containsKey("var") && args.containsKey("msg")) return TaskResult.failed("'msg' and 'var' are incompatible options", TaskExecutor.BARE);
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

    /**
     * include_vars FILE (or file:, with name: to put them under one key): the variables of a YAML
     * file on the controller, looked for as Ansible looks: the role's vars/ and the role, the
     * task file's directory, then the playbook's vars/ and the playbook's directory. They are kept
     * as the host's facts (Ansible ranks them just below set_fact).
     */
    private TaskResult includeVars(HostState hs, Task task, Map<String, Object> vars) {
        Object raw = task.args().containsKey("file") ? task.args().get("file") : task.args().get("_raw_params");
        if (raw == null) return TaskResult.failed("jsock supports include_vars with a file (file: or free-form), not dir:", Map.of());
        String source = templar.toText(templar.template(raw, vars)).strip();
        List<java.nio.file.Path> searched = varsSearch(task, vars, source);
        java.nio.file.Path found = searched.stream().filter(java.nio.file.Files::isRegularFile).findFirst()
                .map(p -> p.toAbsolutePath().normalize()).orElse(null);
        if (found == null) {
            // Ansible's own shape for it: a "message" listing where it looked, empty facts
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ansible_facts", Map.of());
            data.put("ansible_included_var_files", List.of());
            StringBuilder where = new StringBuilder();
            for (java.nio.file.Path p : searched) where.append("\n\t").append(p);
            data.put("message", "Could not find or access '" + source + "'\nSearched in:" + where + " on the Ansible Controller.\n"
                    + "If you are using a module and expect the file to exist on the remote, see the remote_src option");
            return new TaskResult(TaskResult.Status.FAILED, "", data, List.of());
        }
        Map<String, Object> loaded = varsFiles.apply(found);
        Object name = task.args().get("name");
        Map<String, Object> facts = new LinkedHashMap<>();
        if (name != null) facts.put(templar.toText(templar.template(name, vars)), loaded);
        else facts.putAll(loaded);
        hs.facts.putAll(facts);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ansible_facts", facts);
        data.put("ansible_included_var_files", List.of(found.toString()));
        return TaskResult.ok(data);
    }

    /** Where include_vars looks for {@code source}, in order: the role's vars/ and the role, the task file's directory's, the playbook's. */
    private static List<java.nio.file.Path> varsSearch(Task task, Map<String, Object> vars, String source) {
        java.nio.file.Path given = java.nio.file.Path.of(source);
        if (given.isAbsolute()) return List.of(given);
        List<java.nio.file.Path> dirs = new ArrayList<>();
        if (task.role() != null) dirs.add(task.role().dir());
        if (task.baseDir() != null) dirs.add(task.baseDir());
        Object playbookDir = vars.get("playbook_dir");
        if (playbookDir != null) dirs.add(java.nio.file.Path.of(String.valueOf(playbookDir)));
        List<java.nio.file.Path> out = new ArrayList<>();
        for (java.nio.file.Path dir : dirs) {
            out.add(dir.resolve("vars").resolve(source));
            out.add(dir.resolve(source));
        }
        return out;
    }

    private TaskResult assertThat(Task task, Map<String, Object> vars) {
        Object that = task.args().get("that");
        List<Object> conditions = that instanceof List<?> l ? new ArrayList<>(l) : List.of(that);
        boolean quiet = task.args().get("quiet") != null
                && dev.jsock.modules.ModuleArgs.toBool("quiet", templar.template(task.args().get("quiet"), vars));
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
                if (!quiet) data.put("_ansible_verbose_always", true); // Ansible shows a failed assert expanded unless quiet
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

    /**
     * pause: seconds or minutes are waited (Ctrl-C ends the run, as everywhere else); a prompt
     * cannot be answered without a terminal, so, as ansible-playbook does without one, jsock
     * warns and goes on.
     */
    private TaskResult pause(Task task, Map<String, Object> vars) {
        Map<String, Object> args = new LinkedHashMap<>();
        task.args().forEach((k, v) -> args.put(k, templar.template(v, vars)));
        for (String k : args.keySet()) {
            if (!Set.of("seconds", "minutes", "prompt", "echo").contains(k)) {
                return TaskResult.failed("Invalid argument given. Must be one of: echo, minutes, prompt, seconds", Map.of());
            }
        }
        double seconds;
        try {
            seconds = args.containsKey("minutes") ? Double.parseDouble(String.valueOf(args.get("minutes"))) * 60
                    : args.containsKey("seconds") ? Double.parseDouble(String.valueOf(args.get("seconds"))) : -1;
        } catch (NumberFormatException e) {
            return TaskResult.failed("non-integer value given for prompt duration:\n" + e.getMessage(), Map.of());
        }
        java.time.LocalDateTime start = java.time.LocalDateTime.now();
        String userInput = "";
        if (seconds < 0 && System.console() != null) {
            // a terminal: wait for the answer, as ansible-playbook does (a confirmation before something drastic)
            String prompt = args.get("prompt") == null ? "Press enter to continue, Ctrl+C to interrupt" : String.valueOf(args.get("prompt"));
            boolean echo = args.get("echo") == null || dev.jsock.modules.ModuleArgs.toBool("echo", args.get("echo"));
            String answer = echo ? System.console().readLine("%s:%n", prompt) : new String(System.console().readPassword("%s:%n", prompt));
            userInput = answer == null ? "" : answer;
        } else if (seconds < 0) {
            warnings.accept("Not waiting for response to prompt as stdin is not interactive");
        } else {
            try {
                Thread.sleep((long) (seconds * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TaskResult.failed("interrupted", Map.of());
            }
        }
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("delta", seconds < 0 ? 0 : (long) seconds);
        data.put("echo", args.get("echo") == null || dev.jsock.modules.ModuleArgs.toBool("echo", args.get("echo")));
        data.put("rc", 0);
        data.put("start", start.format(f));
        data.put("stderr", "");
        data.put("stdout", seconds < 0 ? "Paused for 0.0 minutes" : "Paused for " + (args.containsKey("minutes") ? seconds / 60 + " minutes" : seconds + " seconds"));
        data.put("stop", java.time.LocalDateTime.now().format(f));
        data.put("user_input", userInput);
        return TaskResult.ok(data);
    }

    private TaskResult fail(Task task, Map<String, Object> vars) {
        Object msg = task.args().get("msg");
        return TaskResult.failed(msg == null ? "Failed as requested from task" : templar.toText(templar.template(msg, vars)), Map.of());
    }
}

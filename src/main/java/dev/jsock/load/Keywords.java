package dev.jsock.load;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The keywords and modules jsock understands, and the Ansible keywords it knowingly refuses. */
final class Keywords {
    private Keywords() {}

    static final Set<String> TASK = Set.of("name", "when", "loop", "loop_control", "with_items", "with_list",
            "with_nested", "with_together", "with_subelements", "with_indexed_items", "with_sequence", "with_fileglob",
            "with_first_found", "with_lines", "with_flattened", "with_file", "with_env", "with_pipe", "with_template", "with_vars",
            "with_dict", "register", "notify", "listen", "changed_when", "failed_when", "ignore_errors", "tags",
            "vars", "become", "become_user", "no_log", "check_mode", "delegate_to", "run_once", "args", "action",
            "until", "retries", "delay", "environment",
            "local_action", "become_method");

    static final Set<String> BLOCK = Set.of("block", "rescue", "always", "name", "when", "tags", "vars", "become", "environment",
            "become_user", "ignore_errors", "no_log", "check_mode", "delegate_to", "run_once", "become_method");

    static final Set<String> PLAY = Set.of("name", "hosts", "become", "become_user", "become_method", "gather_facts", "environment",
            "vars", "vars_files", "pre_tasks", "roles", "tasks", "post_tasks", "handlers", "tags", "serial",
            "any_errors_fatal", "connection", "remote_user", "port", "strategy");

    /** Ansible keywords that are valid in Ansible but that jsock does not implement: refused by name, never ignored. */
    static final Set<String> ANSIBLE_ONLY = Set.of("async", "poll",
            "ignore_unreachable", "delegate_facts", "diff", "throttle", "timeout", "any_errors_fatal", "collections",
            "debugger", "module_defaults", "become_flags", "become_exe", "connection", "remote_user", "port",
            "max_fail_percentage", "order", "force_handlers", "vars_prompt", "fact_path", "gather_subset",
            "gather_timeout", "strategy", "check_mode", "no_log", "run_once", "ignore_errors", "loop_with",
            "include", "with_random_choice", "with_dict", "with_items", "with_list");

    static final Set<String> MODULES = Set.of("template", "copy", "file", "systemd", "systemd_service", "service",
            "command", "shell", "debug", "meta", "set_fact", "assert", "fail", "include_role", "import_role",
            "include_tasks", "import_tasks", "package", "apt", "user", "group", "stat", "wait_for", "uri", "include_vars", "lineinfile",
            "blockinfile", "replace", "ping", "raw", "slurp", "wait_for_connection", "pause", "setup", "gather_facts");

    /** Modules whose free-form text is kept under _raw_params (others reject extra words, as Ansible does). */
    static final Set<String> RAW_PARAMS = Set.of("command", "shell", "raw", "include_tasks", "import_tasks", "include_role",
            "import_role", "set_fact", "meta", "include_vars");

    /** command/shell: only their own options are pulled out of "k=v" text. */
    static final Set<String> FREE_FORM = Set.of("command", "shell", "raw");

    static final List<String> PREFIXES = List.of("ansible.builtin.", "ansible.legacy.");

    /** The short module name, or the name unchanged when it has no builtin/legacy prefix. */
    static String shortName(String key) {
        for (String p : PREFIXES) if (key.startsWith(p)) return key.substring(p.length());
        return key;
    }

    static boolean isModule(String key) {
        return MODULES.contains(shortName(key));
    }

    static Set<String> allTaskWords() {
        Set<String> s = new TreeSet<>(TASK);
        s.addAll(BLOCK);
        return s;
    }
}

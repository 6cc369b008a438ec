package dev.jsock.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One task, handler or block as written, before any templating. Values that Ansible templates at run
 * time (args, when, loop, changed_when …) are kept raw: strings, lists, maps, booleans, numbers.
 *
 * @param action     canonical short module name ("template", "systemd", "include_role", "block" …);
 *                   the loader strips "ansible.builtin." / "ansible.legacy."
 * @param args       module arguments (free-form "command" text is stored under "_raw_params")
 * @param when       conditions, all of which must hold; empty means always
 * @param loop       raw loop value (list or template string), null when the task does not loop
 * @param loopVar    loop_control.loop_var, "item" by default
 * @param notifies   handler names or listen topics
 * @param listen     topics this handler answers to (handlers only)
 * @param role       the role this task belongs to, null for play-level tasks
 * @param baseDir    where relative src/template paths start: the role dir or the playbook dir
 * @param until      retry condition (with retries and delay), null when the task does not retry
 * @param loopLabel  loop_control.label: how loop items are shown, null for the item itself
 * @param environment  environment variables for the module's commands (a dict, or a template of one)
 * @param block      tasks of a block (action "block"), else empty; rescue/always likewise
 */
public record Task(
        String name,
        String action,
        Map<String, Object> args,
        List<Object> when,
        Object loop,
        String loopVar,
        String register,
        List<String> notifies,
        List<String> listen,
        Object changedWhen,
        Object failedWhen,
        Object ignoreErrors,
        List<String> tags,
        Map<String, Object> vars,
        Object become,
        Object becomeUser,
        Object noLog,
        Object checkMode,
        String delegateTo,
        Object runOnce,
        Object until,
        Object retries,
        Object delay,
        Object loopLabel,
        LoopExtras loopExtras,
        Object environment,
        List<Task> block,
        List<Task> rescue,
        List<Task> always,
        Role role,
        Path baseDir,
        Source source) {

    public Task {
        args = Maps.copy(args);
        when = List.copyOf(when);
        loopVar = loopVar == null ? "item" : loopVar;
        loopExtras = loopExtras == null ? LoopExtras.NONE : loopExtras;
        notifies = List.copyOf(notifies);
        listen = List.copyOf(listen);
        tags = List.copyOf(tags);
        vars = Maps.copy(vars);
        block = List.copyOf(block);
        rescue = List.copyOf(rescue);
        always = List.copyOf(always);
    }

    /** In a block's args: the block is the role named there, run as another role's dependency. */
    public static final String DEPENDENCY = "_jsock_dependency_of";

    public boolean isBlock() {
        return "block".equals(action);
    }

    /** The name Ansible prints in "TASK [...]": "role : name", or the action when unnamed. */
    public String displayName() {
        String base = name != null ? name : action;
        // an unnamed include_role is shown with the role it includes, as Ansible does
        if (name == null && "include_role".equals(action)) {
            Object roleName = args.getOrDefault("name", args.get("role"));
            if (roleName != null) base = action + " : " + roleName;
        }
        return role != null ? role.name() + " : " + base : base;
    }
}

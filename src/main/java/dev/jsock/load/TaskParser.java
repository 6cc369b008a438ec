package dev.jsock.load;

import dev.jsock.model.Source;
import dev.jsock.model.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a list of tasks (or handlers, or a block's parts) into Task records; import_tasks / import_role expand in place. */
final class TaskParser {
    private final LoadSession session;

    TaskParser(LoadSession session) {
        this.session = session;
    }

    /** A YAML list of tasks; null (an empty "tasks:") gives no tasks. */
    List<Task> parseList(Node node, String what, TaskContext ctx) {
        YamlDoc doc = ctx.doc();
        if (YamlDoc.isNull(node)) return List.of();
        if (!(node instanceof SequenceNode seq)) {
            throw doc.error(node, "'" + what + "' must be a list of tasks, got " + YamlFiles.kind(node));
        }
        List<Task> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                throw doc.error(item, "a task must be a dictionary (key: value), got " + YamlFiles.kind(item)
                        + " in '" + what + "'");
            }
            out.add(parseTask(m, ctx));
        }
        return out;
    }

    Task parseTask(MappingNode m, TaskContext ctx) {
        YamlDoc doc = ctx.doc();
        Map<String, YamlDoc.Entry> entries = doc.entries(m);
        if (entries.containsKey("block")) return parseBlock(m, entries, ctx);
        for (String part : List.of("rescue", "always")) {
            if (entries.containsKey(part)) throw doc.error(entries.get(part).keyNode(), "'" + part + "' needs a 'block' in the same task");
        }
        TaskFields f = new TaskFields(doc, session.warnings());
        List<YamlDoc.Entry> candidates = new ArrayList<>();
        YamlDoc.Entry actionKey = null;
        Node argsNode = null;
        for (YamlDoc.Entry e : entries.values()) {
            String k = e.key();
            if (k.equals("action") || k.equals("local_action")) {
                if (actionKey != null) throw doc.error(e.keyNode(), "conflicting action statements: " + actionKey.key() + ", " + k);
                actionKey = e;
            } else if (k.equals("args")) {
                argsNode = e.valueNode();
            } else if (k.equals("listen") && !ctx.handlers()) {
                throw doc.error(e.keyNode(), "'listen' is only valid on handlers");
            } else if (Keywords.TASK.contains(k)) {
                f.set(e);
            } else if (Keywords.ANSIBLE_ONLY.contains(k) || (k.startsWith("with_") && !Keywords.isModule(k))) {
                throw doc.error(e.keyNode(), "'" + k + "' is a valid Ansible keyword that jsock does not support in a task");
            } else {
                candidates.add(e);
            }
        }
        ActionParser.Action action = new ActionParser(doc).parse(m, candidates, actionKey, argsNode);
        if (action.delegateToLocalhost()) f.delegateTo = "localhost";
        // an unnamed task is shown by its module as written: TASK [ansible.builtin.debug], as Ansible shows it
        if (f.name == null && !action.written().equals(action.module()) && !action.module().matches("(include|import)_(role|tasks)")) {
            f.name = action.written();
        }
        Source src = doc.at(m);
        switch (action.module()) {
            case "import_tasks" -> {
                return importTasks(action.args(), f, src, m, ctx);
            }
            case "import_role" -> {
                return importRole(action.args(), f, src, m, ctx);
            }
            default -> {
                return f.build(action.module(), action.args(), List.of(), List.of(), List.of(), ctx, src);
            }
        }
    }

    private Task parseBlock(MappingNode m, Map<String, YamlDoc.Entry> entries, TaskContext ctx) {
        YamlDoc doc = ctx.doc();
        TaskFields f = new TaskFields(doc, session.warnings());
        Node block = null;
        Node rescue = null;
        Node always = null;
        for (YamlDoc.Entry e : entries.values()) {
            switch (e.key()) {
                case "block" -> block = e.valueNode();
                case "rescue" -> rescue = e.valueNode();
                case "always" -> always = e.valueNode();
                default -> {
                    if (!Keywords.BLOCK.contains(e.key())) {
                        throw doc.error(e.keyNode(), "'" + e.key() + "' is not a valid attribute for a Block"
                                + Hints.didYouMean(e.key(), Keywords.BLOCK));
                    }
                    f.set(e);
                }
            }
        }
        // as Ansible: a section given with no tasks at all (block: with nothing after it) is malformed
        for (String section : List.of("block", "rescue", "always")) {
            YamlDoc.Entry e = entries.get(section);
            if (e != null && YamlDoc.isNull(e.valueNode())) {
                throw doc.error(m, "A malformed block was encountered while loading " + (section.equals("block") ? "a block" : section + "."));
            }
        }
        return f.build("block", Map.of(), parseList(block, "block", ctx), parseList(rescue, "rescue", ctx),
                parseList(always, "always", ctx), ctx, doc.at(m));
    }

    /** import_tasks becomes a block holding the imported tasks, so its when/tags/vars apply to each of them, as in Ansible. */
    private Task importTasks(Map<String, Object> args, TaskFields f, Source src, MappingNode m, TaskContext ctx) {
        noLoop(f, "import_tasks", m, ctx);
        Object file = args.containsKey("file") ? args.get("file") : args.get("_raw_params");
        if (!(file instanceof String name) || name.isBlank()) {
            throw ctx.doc().error(m, "import_tasks needs a file name");
        }
        if (name.contains("{{")) {
            throw ctx.doc().error(m, "import_tasks is static and cannot use a templated file name ('" + name
                    + "'); use include_tasks");
        }
        Path path = session.resolveTaskFile(name, ctx, src);
        List<Task> tasks = session.tasksFromFile(path, ctx);
        return f.build("block", Map.of(), tasks, List.of(), List.of(), ctx, src);
    }

    /** import_role: the role's tasks inline (each keeping its role), its handlers added to the play's handlers. */
    private Task importRole(Map<String, Object> args, TaskFields f, Source src, MappingNode m, TaskContext ctx) {
        noLoop(f, "import_role", m, ctx);
        Object name = args.get("name");
        if (!(name instanceof String roleName) || roleName.isBlank()) {
            throw ctx.doc().error(m, "import_role needs 'name: ROLE'");
        }
        if (roleName.contains("{{")) {
            throw ctx.doc().error(m, "import_role is static and cannot use a templated role name ('" + roleName
                    + "'); use include_role");
        }
        for (String k : args.keySet()) {
            if (!List.of("name", "tasks_from", "handlers_from", "vars_from", "defaults_from", "allow_duplicates", "public",
                    "rolespec_validate").contains(k)) {
                throw ctx.doc().error(m, "Invalid options for import_role: " + k);
            }
        }
        dev.jsock.model.Role role = session.loadRole(roleName, ctx.playbookDir(), src, str(args.get("tasks_from")),
                str(args.get("handlers_from")), str(args.get("vars_from")), str(args.get("defaults_from")));
        role.handlers().forEach(ctx.importedHandlers());
        return f.build("block", Map.of(), role.tasks(), List.of(), List.of(), ctx, src);
    }

    private static String str(Object o) {
        return o == null ? null : PyStr.of(o);
    }

    private static void noLoop(TaskFields f, String what, MappingNode m, TaskContext ctx) {
        if (f.loop != null) throw ctx.doc().error(m, "You cannot use loops on '" + what + "' statements. You should use '"
                + what.replace("import", "include") + "' instead.");
        if (f.register != null || !f.notifies.isEmpty()) {
            throw ctx.doc().error(m, "'register' and 'notify' are not valid on '" + what + "' (it is expanded at load time)");
        }
    }

    static Map<String, Object> copy(Map<String, Object> m) {
        return new LinkedHashMap<>(m);
    }
}

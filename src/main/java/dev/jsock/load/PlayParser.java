package dev.jsock.load;

import dev.jsock.model.Play;
import dev.jsock.model.Role;
import dev.jsock.model.RoleRef;
import dev.jsock.model.Source;
import dev.jsock.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one play. The keywords connection / remote_user / port become the play variables
 * ansible_connection / ansible_user / ansible_port (unless the play sets those itself); note that
 * this puts them above inventory host vars, whereas Ansible lets host vars win over keywords.
 */
final class PlayParser {
    private static final Map<String, String> KEYWORD_VARS = Map.of("connection", "ansible_connection",
            "remote_user", "ansible_user", "port", "ansible_port");

    private final LoadSession session;
    private final YamlDoc doc;
    private final Path baseDir;

    PlayParser(LoadSession session, YamlDoc doc, Path baseDir) {
        this.session = session;
        this.doc = doc;
        this.baseDir = baseDir;
    }

    Play parse(MappingNode m) {
        Map<String, YamlDoc.Entry> entries = doc.entries(m);
        for (YamlDoc.Entry e : entries.values()) {
            if (!Keywords.PLAY.contains(e.key())) {
                String hint = Hints.didYouMean(e.key(), Keywords.PLAY);
                String why = Keywords.ANSIBLE_ONLY.contains(e.key()) ? " (a valid Ansible keyword that jsock does not support)" : "";
                throw doc.error(e.keyNode(), "'" + e.key() + "' is not a valid attribute for a Play" + why + hint);
            }
        }
        if (!entries.containsKey("hosts") || YamlDoc.isNull(entries.get("hosts").valueNode())) {
            throw doc.error(m, "the field 'hosts' is required but was not set");
        }
        Map<String, Object> vars = new LinkedHashMap<>(entries.containsKey("vars")
                ? TaskFields.vars(doc, entries.get("vars"), value(entries, "vars"), "a Play") : Map.of());
        KEYWORD_VARS.forEach((keyword, var) -> {
            if (entries.containsKey(keyword)) vars.putIfAbsent(var, value(entries, keyword));
        });
        for (String key : List.of("gather_facts", "become", "any_errors_fatal")) {
            if (entries.containsKey(key)) TaskFields.requireBool(doc, entries.get(key), value(entries, key));
        }
        if (entries.containsKey("name") && (value(entries, "name") instanceof List || value(entries, "name") instanceof Map)) {
            throw doc.error(entries.get("name").valueNode(), "The field 'name' is supposed to be a string type, however the incoming data structure is a "
                    + (value(entries, "name") instanceof List ? "<class 'list'>" : "<class 'dict'>"));
        }
        if (entries.containsKey("become_method")) TaskFields.sudoOnly(doc, entries.get("become_method"), value(entries, "become_method"));
        if (entries.containsKey("strategy") && !"linear".equals(value(entries, "strategy"))) {
            throw doc.error(entries.get("strategy").valueNode(), "strategy '" + PyStr.of(value(entries, "strategy"))
                    + "' is not supported by jsock (only linear)");
        }
        List<Task> importedHandlers = new ArrayList<>();
        TaskContext ctx = new TaskContext(doc, null, baseDir, baseDir, false, importedHandlers::add);
        TaskParser tasks = new TaskParser(session);
        List<Task> pre = tasks.parseList(node(entries, "pre_tasks"), "pre_tasks", ctx);
        List<RoleRef> roles = roles(node(entries, "roles"));
        List<Task> main = tasks.parseList(node(entries, "tasks"), "tasks", ctx);
        List<Task> post = tasks.parseList(node(entries, "post_tasks"), "post_tasks", ctx);
        TaskContext hctx = new TaskContext(doc, null, baseDir, baseDir, true, importedHandlers::add);
        List<Task> handlers = new ArrayList<>(tasks.parseList(node(entries, "handlers"), "handlers", hctx));
        handlers.addAll(importedHandlers);
        Object name = value(entries, "name");
        return new Play(name == null ? null : PyStr.of(name), hosts(entries.get("hosts")), vars,
                varsFiles(entries.get("vars_files")), value(entries, "become"), value(entries, "become_user"),
                value(entries, "gather_facts"), value(entries, "serial"), value(entries, "any_errors_fatal"), pre, roles,
                main, post, handlers, entries.containsKey("tags") ? TaskFields.tags(doc, entries.get("tags"), value(entries, "tags")) : List.of(),
                baseDir, doc.at(m), value(entries, "environment"));
    }

    private Object value(Map<String, YamlDoc.Entry> entries, String key) {
        YamlDoc.Entry e = entries.get(key);
        return e == null ? null : doc.toJava(e.valueNode());
    }

    private static Node node(Map<String, YamlDoc.Entry> entries, String key) {
        YamlDoc.Entry e = entries.get(key);
        return e == null ? null : e.valueNode();
    }

    /** hosts: a pattern string, or a list of patterns (joined with ',' as Ansible does). */
    private String hosts(YamlDoc.Entry e) {
        Object v = doc.toJava(e.valueNode());
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map || o instanceof List) throw doc.error(e.valueNode(), "'hosts' must be a pattern or a list of patterns");
                parts.add(PyStr.of(o));
            }
            return String.join(",", parts);
        }
        if (v instanceof Map) throw doc.error(e.valueNode(), "'hosts' must be a pattern or a list of patterns");
        return PyStr.of(v);
    }

    /**
     * Each vars_files entry becomes a Map (the file, read now) or a String (a templated name, read at
     * run time by the executor with the play's variables).
     */
    private List<Object> varsFiles(YamlDoc.Entry e) {
        if (e == null || YamlDoc.isNull(e.valueNode())) return List.of();
        List<Node> items = e.valueNode() instanceof SequenceNode s ? s.getValue() : List.of(e.valueNode());
        List<Object> out = new ArrayList<>();
        for (Node item : items) {
            if (!(item instanceof ScalarNode s) || YamlDoc.isNull(item)) {
                throw doc.error(item, "a vars_files entry must be a file name (lists of alternatives are not supported by jsock)");
            }
            String name = s.getValue();
            if (name.contains("{{")) {
                out.add(name);
                continue;
            }
            Path p = baseDir.resolve(name);
            if (!Files.isRegularFile(p)) throw dev.jsock.model.UserError.missing(doc.at(item), "vars file " + name + " was not found (looked for " + p + ")");
            YamlDoc vars = session.read(p);
            out.add(YamlFiles.toVars(vars, vars.root()));
        }
        return out;
    }

    private List<RoleRef> roles(Node node) {
        if (YamlDoc.isNull(node)) return List.of();
        if (!(node instanceof SequenceNode seq)) throw doc.error(node, "'roles' must be a list, got " + YamlFiles.kind(node));
        List<RoleRef> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            RoleRef ref = roleRef(item);
            if (out.stream().noneMatch(r -> sameRole(r, ref))) out.add(ref);
        }
        return out;
    }

    private RoleRef roleRef(Node item) {
        Source at = doc.at(item);
        if (item instanceof ScalarNode s && !YamlDoc.isNull(s)) {
            // as Ansible: a number or boolean is no role name at all (a parse error), not a role to look for
            if (!(doc.toJava(s) instanceof String)) throw doc.error(item, "Invalid role definition: " + s.getValue());
            return new RoleRef(load(s.getValue(), at), Map.of(), List.of(), List.of(), at);
        }
        if (!(item instanceof MappingNode m)) throw doc.error(item, "a roles entry must be a role name or a dictionary");
        String name = null;
        Map<String, Object> params = new LinkedHashMap<>();
        List<Object> when = List.of();
        List<String> tags = List.of();
        for (YamlDoc.Entry e : doc.entries(m).values()) {
            Object v = doc.toJava(e.valueNode());
            switch (e.key()) {
                case "role", "name" -> name = v == null ? null : PyStr.of(v);
                case "vars" -> params.putAll(TaskFields.vars(doc, e, v, "a role"));
                case "when" -> when = v == null ? List.of() : v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
                case "tags" -> tags = TaskFields.tags(doc, e, v);
                default -> {
                    if (Keywords.TASK.contains(e.key()) || Keywords.ANSIBLE_ONLY.contains(e.key())) {
                        throw doc.error(e.keyNode(), "'" + e.key() + "' on a roles entry is not supported by jsock"
                                + " (supported: role, vars, when, tags, and role parameters)");
                    }
                    params.put(e.key(), v);
                }
            }
        }
        if (name == null) throw doc.error(item, "a roles entry needs 'role: NAME'");
        return new RoleRef(load(name, at), params, when, tags, at);
    }

    private Role load(String name, Source at) {
        return session.loadRole(name, baseDir, at, null, null, null, null);
    }

    /** Ansible runs a role once per play when it is listed again with the same parameters. */
    private static boolean sameRole(RoleRef a, RoleRef b) {
        return a.role().dir().equals(b.role().dir()) && a.params().equals(b.params()) && a.when().equals(b.when())
                && a.tags().equals(b.tags());
    }
}

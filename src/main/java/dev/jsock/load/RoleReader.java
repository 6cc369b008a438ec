package dev.jsock.load;

import dev.jsock.model.Role;
import dev.jsock.model.Source;
import dev.jsock.model.Task;
import dev.jsock.model.UserError;
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
 * Reads one role directory: defaults/, vars/, tasks/, handlers/ (main or the *_from file) and
 * meta/main.yml dependencies. A dependency's tasks come first, wrapped in a block carrying the
 * parameters given in meta, and each keeps its own role so its defaults and vars apply.
 */
final class RoleReader {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private final LoadSession session;
    private final Path dir;
    private final Path playbookDir;
    private final Source ref;

    RoleReader(LoadSession session, Path dir, Path playbookDir, Source ref) {
        this.session = session;
        this.dir = dir;
        this.playbookDir = playbookDir;
        this.ref = ref;
    }

    Role read(String tasksFrom, String handlersFrom, String varsFrom, String defaultsFrom) {
        String name = dir.getFileName().toString();
        Map<String, Object> defaults = vars("defaults", defaultsFrom);
        Map<String, Object> vars = vars("vars", varsFrom);
        Role identity = new Role(name, dir, defaults, vars, List.of(), List.of(), ref);
        List<Task> tasks = new ArrayList<>();
        List<Task> handlers = new ArrayList<>();
        for (Dependency dep : dependencies()) {
            tasks.add(dep.block());
            handlers.addAll(dep.role().handlers());
        }
        TaskContext ctx = new TaskContext(null, identity, dir, playbookDir, false, handlers::add);
        Path tasksFile = file("tasks", tasksFrom);
        if (tasksFile != null) tasks.addAll(session.tasksFromFile(tasksFile, ctx));
        Path handlersFile = file("handlers", handlersFrom);
        if (handlersFile != null) {
            TaskContext hctx = new TaskContext(null, identity, dir, playbookDir, true, handlers::add);
            handlers.addAll(session.tasksFromFile(handlersFile, hctx));
        }
        return new Role(name, dir, defaults, vars, tasks, handlers, ref);
    }

    private Map<String, Object> vars(String sub, String from) {
        Path f = file(sub, from);
        if (f == null) return new LinkedHashMap<>();
        YamlDoc doc = session.read(f);
        return YamlFiles.toVars(doc, doc.root());
    }

    /** tasks/main.yml (or main.yaml …); a *_from name that does not exist is an error, a missing main is not. */
    private Path file(String sub, String from) {
        String base = from == null ? "main" : from;
        for (String ext : EXTENSIONS) {
            Path p = dir.resolve(sub).resolve(base + ext);
            if (Files.isRegularFile(p)) return p;
        }
        if (from != null) {
            throw UserError.parse(ref, "Could not find specified file in role: " + sub + "/" + from
                    + " (role " + dir + ")");
        }
        return null;
    }

    private List<Dependency> dependencies() {
        Path meta = file("meta", null);
        if (meta == null) return List.of();
        YamlDoc doc = session.read(meta);
        Node root = doc.root();
        if (YamlDoc.isNull(root)) return List.of();
        if (!(root instanceof MappingNode m)) throw doc.error(root, "meta/main.yml must be a dictionary");
        YamlDoc.Entry deps = doc.entries(m).get("dependencies");
        if (deps == null || YamlDoc.isNull(deps.valueNode())) return List.of();
        if (!(deps.valueNode() instanceof SequenceNode seq)) throw doc.error(deps.valueNode(), "'dependencies' must be a list");
        List<Dependency> out = new ArrayList<>();
        for (Node item : seq.getValue()) out.add(dependency(doc, item));
        return out;
    }

    private Dependency dependency(YamlDoc doc, Node item) {
        Source at = doc.at(item);
        if (item instanceof ScalarNode s) {
            return new Dependency(session.loadRole(s.getValue(), playbookDir, at, null, null, null, null), Map.of());
        }
        if (!(item instanceof MappingNode m)) throw doc.error(item, "a dependency must be a role name or a dictionary");
        Map<String, Object> params = new LinkedHashMap<>();
        String name = null;
        for (YamlDoc.Entry e : doc.entries(m).values()) {
            Object v = doc.toJava(e.valueNode());
            switch (e.key()) {
                case "role", "name" -> name = PyStr.of(v);
                case "vars" -> params.putAll(TaskFields.vars(doc, e, v, "a role dependency"));
                case "when", "tags" -> throw doc.error(e.keyNode(), "'" + e.key() + "' on a role dependency is not supported by jsock");
                default -> params.put(e.key(), v);
            }
        }
        if (name == null) throw doc.error(item, "a dependency needs 'role: NAME'");
        return new Dependency(session.loadRole(name, playbookDir, at, null, null, null, null), params);
    }

    /** A role from meta/main.yml with the parameters given there. */
    private record Dependency(Role role, Map<String, Object> params) {
        /** The key a run marks a dependency block with: Ansible runs a dependency once per play and host (same parameters). */
        static final String MARK = Task.DEPENDENCY;

        Task block() {
            return new Task(null, "block", Map.of(MARK, role.name()), List.of(), null, null, null, List.of(), List.of(), null, null, null,
                    List.of(), params, null, null, null, null, null, null, null, null, null, null, null, null, role.tasks(), List.of(), List.of(), null,
                    role.dir(), role.source());
        }
    }
}

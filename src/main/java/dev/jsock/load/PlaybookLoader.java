package dev.jsock.load;

import dev.jsock.model.Play;
import dev.jsock.model.Playbook;
import dev.jsock.model.Role;
import dev.jsock.model.Source;
import dev.jsock.model.Task;
import dev.jsock.model.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads playbooks, and at run time the task files and roles that include_tasks / include_role
 * name. Roles are searched in playbook_dir/roles, then the given roles paths, then jsock's own
 * roles directory, then playbook_dir itself. Every problem is a {@link UserError} of kind PARSE
 * with file:line:column. Safe to use from several threads: each call has its own state.
 */
public final class PlaybookLoader {
    private final List<Path> rolesPaths;
    private final Path builtinRolesDir;
    private final Consumer<String> warnings;
    private final List<String> collected = Collections.synchronizedList(new ArrayList<>());

    /** Warnings (duplicate keys, unsupported cosmetic options) are kept for {@link #warnings()}. */
    public PlaybookLoader(List<Path> rolesPaths, Path builtinRolesDir) {
        this.rolesPaths = List.copyOf(rolesPaths);
        this.builtinRolesDir = builtinRolesDir;
        this.warnings = collected::add;
    }

    /** Warnings go to {@code warnings} as they happen (Ansible prints them as "[WARNING]: …"). */
    public PlaybookLoader(List<Path> rolesPaths, Path builtinRolesDir, Consumer<String> warnings) {
        this.rolesPaths = List.copyOf(rolesPaths);
        this.builtinRolesDir = builtinRolesDir;
        this.warnings = warnings;
    }

    /** Warnings collected so far when built without a warning consumer. */
    public List<String> warnings() {
        synchronized (collected) {
            return List.copyOf(collected);
        }
    }

    public Playbook load(Path playbookFile) {
        LoadSession session = session();
        List<Play> plays = new ArrayList<>();
        readPlaybook(session, playbookFile, Map.of(), List.of(), plays, new ArrayList<>());
        return new Playbook(playbookFile, plays);
    }

    /** The tasks of a file named by include_tasks at run time; {@code role} may be null. Relative paths start at the role dir, else the file's dir. */
    public List<Task> loadTasks(Path file, Role role) {
        Path parent = file.toAbsolutePath().getParent();
        return loadTasks(file, role, role != null ? role.dir() : parent);
    }

    /** As {@link #loadTasks(Path, Role)}, with the play's directory for tasks outside roles. */
    public List<Task> loadTasks(Path file, Role role, Path playbookDir) {
        LoadSession session = session();
        Role identity = role == null ? null
                : new Role(role.name(), role.dir(), role.defaults(), role.vars(), List.of(), List.of(), role.source());
        Path base = role != null ? role.dir() : playbookDir;
        TaskContext ctx = new TaskContext(null, identity, base, playbookDir, false,
                h -> warnings.accept("handler '" + h.displayName() + "' of a role imported inside an included file is not"
                        + " registered (jsock registers handlers of import_role only at load time)"));
        return session.tasksFromFile(file, ctx);
    }

    /** A role named by include_role at run time, with its tasks, handlers, defaults and vars (or the *_from files). */
    public Role loadRole(String name, Path playbookDir, Source refSource, String tasksFrom, String handlersFrom,
            String varsFrom, String defaultsFrom) {
        return session().loadRole(name, playbookDir, refSource, tasksFrom, handlersFrom, varsFrom, defaultsFrom);
    }

    /** A vars file (vars_files named by a template, read at run time). */
    public Map<String, Object> loadVars(Path file) {
        return new YamlFiles(warnings).loadVars(file);
    }

    private LoadSession session() {
        return new LoadSession(rolesPaths, builtinRolesDir, warnings);
    }

    private void readPlaybook(LoadSession session, Path file, Map<String, Object> importVars, List<String> importTags,
            List<Play> plays, List<Path> chain) {
        Path key = file.toAbsolutePath().normalize();
        if (chain.contains(key)) throw UserError.parse(Source.of(file.toString()), "import_playbook loop: " + file + " imports itself");
        chain.add(key);
        YamlDoc doc = session.read(file);
        Node root = doc.root();
        if (YamlDoc.isNull(root)) throw UserError.parse(Source.of(file.toString()), "Empty playbook, nothing to do");
        if (!(root instanceof SequenceNode seq)) {
            throw doc.error(root, "A playbook must be a list of plays, got " + YamlFiles.kind(root) + " instead");
        }
        Path dir = key.getParent();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                throw doc.error(item, "a play must be a dictionary (hosts: …, tasks: …), got " + YamlFiles.kind(item));
            }
            Map<String, YamlDoc.Entry> entries = doc.entries(m);
            YamlDoc.Entry imp = entries.containsKey("import_playbook") ? entries.get("import_playbook")
                    : entries.get("ansible.builtin.import_playbook");
            if (imp != null) {
                importPlaybook(session, doc, m, entries, imp, dir, importVars, importTags, plays, chain);
            } else {
                plays.add(withImport(new PlayParser(session, doc, dir).parse(m), importVars, importTags));
            }
        }
        chain.remove(chain.size() - 1);
    }

    private void importPlaybook(LoadSession session, YamlDoc doc, MappingNode m, Map<String, YamlDoc.Entry> entries,
            YamlDoc.Entry imp, Path dir, Map<String, Object> importVars, List<String> importTags, List<Play> plays,
            List<Path> chain) {
        Map<String, Object> vars = new LinkedHashMap<>(importVars);
        List<String> tags = new ArrayList<>(importTags);
        for (YamlDoc.Entry e : entries.values()) {
            switch (e.key()) {
                case "import_playbook", "ansible.builtin.import_playbook", "name" -> { }
                case "vars" -> vars.putAll(TaskFields.vars(doc, e, doc.toJava(e.valueNode()), "import_playbook"));
                case "tags" -> tags.addAll(TaskFields.tags(doc, e, doc.toJava(e.valueNode())));
                default -> throw doc.error(e.keyNode(), "'" + e.key() + "' is not supported on import_playbook by jsock"
                        + " (supported: name, vars, tags)");
            }
        }
        Object target = doc.toJava(imp.valueNode());
        if (!(target instanceof String name) || name.isBlank() || name.contains("{{")) {
            throw doc.error(imp.valueNode(), "import_playbook needs a plain file name");
        }
        Path file = Path.of(doc.file()).resolveSibling(name);
        if (Path.of(name).isAbsolute()) file = Path.of(name);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw dev.jsock.model.UserError.missing(doc.at(imp.valueNode()), "Could not find or access '" + name + "' (looked for " + file + ")");
        }
        readPlaybook(session, file, vars, tags, plays, chain);
    }

    /** Vars and tags given on import_playbook reach every imported play; the play's own vars win. */
    private static Play withImport(Play p, Map<String, Object> vars, List<String> tags) {
        if (vars.isEmpty() && tags.isEmpty()) return p;
        Map<String, Object> merged = new LinkedHashMap<>(vars);
        merged.putAll(p.vars());
        List<String> allTags = new ArrayList<>(tags);
        allTags.addAll(p.tags());
        return new Play(p.name(), p.hosts(), merged, p.varsFiles(), p.become(), p.becomeUser(), p.gatherFacts(), p.serial(),
                p.anyErrorsFatal(), p.preTasks(), p.roles(), p.tasks(), p.postTasks(), p.handlers(), allTags, p.baseDir(),
                p.source(), p.environment());
    }
}

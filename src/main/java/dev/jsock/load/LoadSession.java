package dev.jsock.load;

import dev.jsock.model.Role;
import dev.jsock.model.Source;
import dev.jsock.model.Task;
import dev.jsock.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The state of one load: search paths, the warning sink, and the chain of files being imported (to
 * report an import loop instead of overflowing the stack). One per public call, so a loader can be
 * used from several threads at run time.
 */
final class LoadSession {
    private final List<Path> rolesPaths;
    private final Path builtinRolesDir;
    private final Consumer<String> warnings;
    private final Deque<Path> importChain = new ArrayDeque<>();
    private final Deque<Path> roleChain = new ArrayDeque<>();

    LoadSession(List<Path> rolesPaths, Path builtinRolesDir, Consumer<String> warnings) {
        this.rolesPaths = rolesPaths;
        this.builtinRolesDir = builtinRolesDir;
        this.warnings = warnings;
    }

    Consumer<String> warnings() {
        return warnings;
    }

    YamlDoc read(Path file) {
        return YamlDoc.read(file, warnings);
    }

    /** The tasks of a task file (import_tasks, include_tasks, a role's tasks/…): a list, or empty. */
    List<Task> tasksFromFile(Path path, TaskContext parent) {
        Path key = path.toAbsolutePath().normalize();
        if (importChain.contains(key)) {
            List<String> chain = new ArrayList<>();
            importChain.descendingIterator().forEachRemaining(p -> chain.add(p.toString()));
            chain.add(key.toString());
            throw UserError.parse(Source.of(path.toString()), "import loop: " + String.join(" -> ", chain));
        }
        importChain.push(key);
        try {
            YamlDoc doc = read(path);
            Node root = doc.root();
            if (!YamlDoc.isNull(root) && root.getNodeId() != org.yaml.snakeyaml.nodes.NodeId.sequence) {
                throw doc.error(root, "a task file must contain a list of tasks, got " + YamlFiles.kind(root));
            }
            return new TaskParser(this).parseList(root, path.getFileName().toString(), parent.in(doc));
        } finally {
            importChain.pop();
        }
    }

    /** A task file named by import_tasks / include_tasks: in the role's tasks/, next to the current file, then the play's dir. */
    Path resolveTaskFile(String name, TaskContext ctx, Source at) {
        Path p = Path.of(name);
        List<Path> candidates = new ArrayList<>();
        if (p.isAbsolute()) {
            candidates.add(p);
        } else {
            if (ctx.role() != null) candidates.add(ctx.role().dir().resolve("tasks").resolve(p));
            if (ctx.doc() != null) candidates.add(ctx.fileDir().resolve(p));
            candidates.add(ctx.baseDir().resolve(p));
            if (ctx.playbookDir() != null) candidates.add(ctx.playbookDir().resolve(p));
        }
        for (Path c : candidates) if (Files.isRegularFile(c)) return c.normalize();
        List<String> searched = new ArrayList<>();
        for (Path c : candidates) if (!searched.contains(c.normalize().toString())) searched.add(c.normalize().toString());
        throw UserError.missing(at, "Could not find or access '" + name + "' (searched: " + String.join(", ", searched) + ")");
    }

    Role loadRole(String name, Path playbookDir, Source ref, String tasksFrom, String handlersFrom, String varsFrom,
            String defaultsFrom) {
        Path dir = new RoleFinder(rolesPaths, builtinRolesDir).find(name, playbookDir, ref);
        Path key = dir.toAbsolutePath().normalize();
        if (roleChain.contains(key)) {
            throw UserError.parse(ref, "role dependency loop: role '" + name + "' depends on itself (through meta/main.yml)");
        }
        roleChain.push(key);
        try {
            return new RoleReader(this, dir, playbookDir, ref).read(tasksFrom, handlersFrom, varsFrom, defaultsFrom);
        } finally {
            roleChain.pop();
        }
    }
}

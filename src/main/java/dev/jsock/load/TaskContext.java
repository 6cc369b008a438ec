package dev.jsock.load;

import dev.jsock.model.Role;
import dev.jsock.model.Task;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where a list of tasks is being read: the file, the role it belongs to (its identity only: name,
 * dir, defaults, vars, no task lists, which would be circular), where relative paths start, whether
 * these are handlers, and where handlers of statically imported roles go.
 */
record TaskContext(YamlDoc doc, Role role, Path baseDir, Path playbookDir, boolean handlers,
        Consumer<Task> importedHandlers) {

    Path fileDir() {
        Path parent = Path.of(doc.file()).getParent();
        return parent == null ? Path.of(".") : parent;
    }

    TaskContext in(YamlDoc other) {
        return new TaskContext(other, role, baseDir, playbookDir, handlers, importedHandlers);
    }
}

package dev.jsock.exec;

import dev.jsock.model.Role;
import dev.jsock.model.Source;
import dev.jsock.model.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads what include_tasks / include_role / vars_files name at run time (their names may be templated). */
public interface Includes {
    List<Task> loadTasks(Path file, Role role);

    Role loadRole(String name, Path playbookDir, Source refSource, String tasksFrom, String handlersFrom,
            String varsFrom, String defaultsFrom);

    Map<String, Object> loadVars(Path file);
}

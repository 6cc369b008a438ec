package dev.jsock.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A role as found on disk: defaults/main.yml, vars/main.yml, tasks/main.yml, handlers/main.yml,
 * and its templates/ and files/ directories under {@code dir}.
 */
public record Role(
        String name,
        Path dir,
        Map<String, Object> defaults,
        Map<String, Object> vars,
        List<Task> tasks,
        List<Task> handlers,
        Source source) {

    public Role {
        defaults = Maps.copy(defaults);
        vars = Maps.copy(vars);
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
    }

    public Path templatesDir() {
        return dir.resolve("templates");
    }

    public Path filesDir() {
        return dir.resolve("files");
    }
}

package dev.jsock.model;

import java.nio.file.Path;
import java.util.List;

/** A playbook file: its plays in order (import_playbook already expanded). */
public record Playbook(Path path, List<Play> plays) {
    public Playbook {
        plays = List.copyOf(plays);
    }

    public Path baseDir() {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}

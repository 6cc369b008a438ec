package dev.jsock.inventory;

import dev.jsock.load.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * group_vars/NAME and host_vars/NAME next to an inventory (or a playbook): a file NAME, NAME.yml,
 * NAME.yaml or NAME.json, or a directory NAME/ whose files (sorted, recursively, hidden and
 * backup files skipped, only those extensions or none) are merged in order.
 */
final class VarsDirs {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private final YamlFiles yaml;

    VarsDirs(YamlFiles yaml) {
        this.yaml = yaml;
    }

    Map<String, Object> vars(Path dir, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir) || name.startsWith("/")) return out;
        for (String ext : EXTENSIONS) {
            Path p = dir.resolve(name + ext);
            if (Files.isDirectory(p)) {
                for (Path f : filesIn(p)) out.putAll(yaml.loadVars(f));
                break;
            }
            if (Files.isRegularFile(p)) {
                out.putAll(yaml.loadVars(p));
                break;
            }
        }
        return out;
    }

    private static List<Path> filesIn(Path dir) {
        List<Path> out = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.endsWith("~")) continue;
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 ? n.substring(dot) : "";
            if (Files.isDirectory(p) && ext.isEmpty()) out.addAll(filesIn(p));
            else if (Files.isRegularFile(p) && EXTENSIONS.contains(ext)) out.add(p);
        }
        return out;
    }
}

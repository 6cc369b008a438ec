package dev.jsock.load;

import dev.jsock.model.Source;
import dev.jsock.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds a role's directory: playbook_dir/roles, then the roles paths, then jsock's own roles/, then playbook_dir itself. */
final class RoleFinder {
    private final List<Path> rolesPaths;
    private final Path builtinRolesDir;

    RoleFinder(List<Path> rolesPaths, Path builtinRolesDir) {
        this.rolesPaths = rolesPaths;
        this.builtinRolesDir = builtinRolesDir;
    }

    List<Path> searchPath(Path playbookDir) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(playbookDir.resolve("roles"));
        dirs.addAll(rolesPaths);
        if (builtinRolesDir != null) dirs.add(builtinRolesDir);
        dirs.add(playbookDir);
        return dirs;
    }

    Path find(String name, Path playbookDir, Source ref) {
        if (name.contains("{{")) {
            throw UserError.parse(ref, "role name '" + name + "' is templated; jsock resolves roles at load time");
        }
        Path asPath = Path.of(name);
        if (asPath.isAbsolute()) {
            if (Files.isDirectory(asPath)) return asPath;
        } else {
            for (Path dir : searchPath(playbookDir)) {
                Path candidate = dir.resolve(asPath);
                if (Files.isDirectory(candidate)) return candidate.normalize();
            }
        }
        List<String> shown = new ArrayList<>();
        for (Path p : searchPath(playbookDir)) shown.add(p.toString());
        throw UserError.missing(ref, "the role '" + name + "' was not found in " + String.join(":", shown));
    }
}

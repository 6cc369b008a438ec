package dev.jsock.modules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds controller-side files for copy/template: the context's finder first, then an absolute path as given. */
final class LocalSource {
    private LocalSource() {}

    static Optional<Path> find(ModuleContext ctx, String kind, String name) {
        Optional<Path> found = ctx.sources() == null ? Optional.empty() : ctx.sources().find(kind, name);
        if (found.isPresent()) return found;
        Path p = Path.of(name);
        return p.isAbsolute() && Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    static String notFound(String name) {
        return "Could not find or access '" + name + "' on the Ansible Controller.\n"
                + "If you are using a module and expect the file to exist on the remote, see the remote_src option";
    }
}

package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.Become;
import dev.jsock.transport.LocalConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds module contexts on the local machine for tests: sources under {@code root}, a renderer that upper-cases "{{ x }}". */
final class Ctx {
    private final Path root;
    private boolean check;
    private boolean diff;

    Ctx(Path root) {
        this.root = root;
    }

    Ctx check() {
        Ctx c = new Ctx(root);
        c.check = true;
        c.diff = diff;
        return c;
    }

    Ctx diff() {
        Ctx c = new Ctx(root);
        c.check = check;
        c.diff = true;
        return c;
    }

    ModuleContext context(Map<String, Object> args) {
        return context(args, RemoteFileCache.none());
    }

    /** A context whose file lookups go through {@code files}. */
    ModuleContext context(Map<String, Object> args, RemoteFileCache files) {
        ModuleContext.SourceFinder finder = (kind, name) -> {
            Path p = root.resolve(kind).resolve(name);
            return Files.exists(p) ? Optional.of(p) : Optional.empty();
        };
        ModuleContext.TemplateRenderer renderer = file -> {
            try {
                return Files.readString(file).replace("{{ x }}", "rendered");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return new ModuleContext("localhost", new LinkedHashMap<>(args), new LocalConnection("localhost"), Become.NONE, check, diff, finder, renderer, files);
    }

    TaskResult run(Module m, Map<String, Object> args) {
        try {
            return m.run(context(args));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}

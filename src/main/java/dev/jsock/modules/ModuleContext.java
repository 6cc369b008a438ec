package dev.jsock.modules;

import dev.jsock.transport.Become;
import dev.jsock.transport.Connection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a module may use for one call: its templated arguments, the host connection, the
 * privilege escalation of the task, check/diff flags, and two callbacks into the controller side:
 * finding a local source file (role templates/ or files/, then the playbook dir) and rendering a
 * local template with the task's variables; and what is known of the host's files ({@link RemoteFileCache}).
 */
public record ModuleContext(
        String host,
        Map<String, Object> args,
        Connection connection,
        Become become,
        boolean check,
        boolean diff,
        SourceFinder sources,
        TemplateRenderer renderer,
        RemoteFileCache files) {

    /** A context whose file lookups are not remembered (one command each). */
    public ModuleContext(String host, Map<String, Object> args, Connection connection, Become become, boolean check,
                         boolean diff, SourceFinder sources, TemplateRenderer renderer) {
        this(host, args, connection, become, check, diff, sources, renderer, RemoteFileCache.none());
    }

    /** Looks up a controller-side file by the relative name a task gives. */
    @FunctionalInterface
    public interface SourceFinder {
        /** @param kind "templates" or "files" */
        Optional<Path> find(String kind, String name);
    }

    /** Renders a controller-side template file with the task's variables (Ansible's template module). */
    @FunctionalInterface
    public interface TemplateRenderer {
        String render(Path templateFile);
    }

    public ModuleArgs a() {
        return new ModuleArgs(args);
    }
}

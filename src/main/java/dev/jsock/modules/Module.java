package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.util.List;

/**
 * A module that acts on a host: template, copy, file, systemd, command … Given templated arguments
 * and a connection, it finds out what differs from the wish, changes only that (nothing in check
 * mode), and reports ok/changed/failed with Ansible's return values. Argument errors are returned as
 * failed results with Ansible's wording, not thrown.
 */
public interface Module {

    /** Short name, e.g. "template". */
    String name();

    /** Other short names that mean the same module, e.g. "systemd_service" for systemd. */
    default List<String> aliases() {
        return List.of();
    }

    TaskResult run(ModuleContext ctx) throws UnreachableException;
}

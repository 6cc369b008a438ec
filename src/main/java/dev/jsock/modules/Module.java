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

    /**
     * True when a run that reports no change (and does not fail) only read the host, so what is
     * known of the host's files stays true. False for modules that may write while reporting ok
     * (command and shell with changed_when, for example) or that wait for the world to change.
     */
    default boolean readOnlyWhenUnchanged() {
        return false;
    }
}

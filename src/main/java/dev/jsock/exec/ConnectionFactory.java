package dev.jsock.exec;

import dev.jsock.transport.Connection;
import dev.jsock.transport.UnreachableException;
import java.util.Map;

/** Opens the connection to a host from its resolved variables (ansible_host, ansible_connection …). */
@FunctionalInterface
public interface ConnectionFactory {
    Connection open(String host, Map<String, Object> vars) throws UnreachableException;

    /** Called once when the run ends: closes whatever the factory opened that nobody took. */
    default void release() {
    }
}

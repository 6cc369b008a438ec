package dev.jsock.exec;

import dev.jsock.model.Host;
import dev.jsock.transport.Connection;
import dev.jsock.transport.UnreachableException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything jsock remembers about one host for the whole run, across plays: facts set by
 * set_fact and register, gathered facts, pending handler notifications, recap counters, and the
 * one connection every task reuses. Written only by the host's own thread; other hosts read facts
 * through hostvars, hence the concurrent maps.
 */
final class HostState {
    final Host host;
    final Map<String, Object> inventoryVars;
    final Map<String, Object> facts = new ConcurrentHashMap<>();
    final Map<String, Object> gathered = new ConcurrentHashMap<>();
    final Set<String> notified = new LinkedHashSet<>();
    final HostStats stats = new HostStats();
    private Connection connection;
    /** What this run has seen of the host's files (see {@link dev.jsock.modules.RemoteFileCache}). */
    final dev.jsock.modules.RemoteFileCache files = dev.jsock.modules.RemoteFileCache.forHost();
    boolean failed;
    /** An error that ends the whole run (a notify naming no handler), or null. */
    String runError;
    boolean unreachable;
    boolean endedPlay;
    /** jsock render: some task's result is unknown because it needs the host; later failures may stem from that. */
    boolean renderGaps;
    /** The task that last failed on this host and its result, for ansible_failed_task / _result in rescue. */
    dev.jsock.model.Task lastFailedTask;
    dev.jsock.model.TaskResult lastFailedResult;

    HostState(Host host, Map<String, Object> inventoryVars) {
        this.host = host;
        this.inventoryVars = inventoryVars;
    }

    String name() {
        return host.name();
    }

    boolean active() {
        return !failed && !unreachable;
    }

    private AutoCloseable runLock;

    private java.util.concurrent.CompletableFuture<Connection> pending;

    /**
     * Starts connecting in the background (connect, key exchange, auth, run lock take ~150 ms), so
     * that it overlaps the controller-side work before the first remote task. Used at play start.
     */
    void connectAhead(ConnectionFactory factory, Map<String, Object> vars) {
        if (connection != null || pending != null) return;
        pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return open(factory, vars);
            } catch (UnreachableException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** The host's connection, opened on first use together with the host-side run lock. */
    Connection connection(ConnectionFactory factory, Map<String, Object> vars) throws UnreachableException {
        if (connection == null && pending != null) {
            java.util.concurrent.CompletableFuture<Connection> p = pending;
            pending = null;
            try {
                connection = p.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreachableException("Interrupted while connecting to " + host.name(), e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof UnreachableException u) throw u;
                throw new UnreachableException("Failed to connect to the host: " + e.getCause(), e.getCause());
            }
        }
        if (connection == null) connection = open(factory, vars);
        return connection;
    }

    private Connection open(ConnectionFactory factory, Map<String, Object> vars) throws UnreachableException {
        {
            Connection c = factory.open(host.name(), vars);
            try {
                runLock = c.holdRunLock(lockTimeout(vars));
            } catch (UnreachableException e) {
                c.close();
                throw e;
            }
            return c;
        }
    }

    private static int lockTimeout(Map<String, Object> vars) {
        Object v = vars.get("jsock_lock_timeout");
        try {
            return v == null ? 300 : Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return 300;
        }
    }

    /** Connections to the hosts tasks of this host were delegated to (delegate_to), kept for the run. */
    private final java.util.Map<String, Connection> delegates = new java.util.HashMap<>();

    Connection delegateConnection(String delegate, ConnectionFactory factory, Map<String, Object> delegateVars) throws UnreachableException {
        Connection c = delegates.get(delegate);
        if (c == null) {
            c = factory.open(delegate, delegateVars);
            delegates.put(delegate, c);
        }
        return c;
    }

    void closeConnection() {
        files.clear();
        if (pending != null) {
            try {
                connection = pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // never connected: nothing to close
            }
            pending = null;
        }
        if (runLock != null) {
            try {
                runLock.close();
            } catch (Exception e) {
                // closing the connection below releases the lock anyway
            }
            runLock = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        for (Connection c : delegates.values()) c.close();
        delegates.clear();
    }
}

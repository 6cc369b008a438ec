package dev.jsock.cli;

import dev.jsock.exec.ConnectionFactory;
import dev.jsock.inventory.HostPattern;
import dev.jsock.model.Inventory;
import dev.jsock.transport.Connection;
import dev.jsock.transport.ConnectionSettings;
import dev.jsock.transport.HostKeyPolicy;
import dev.jsock.transport.UnreachableException;
import dev.jsock.vars.InventoryVars;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Opens the first play's SSH connections as soon as the inventory is read, while the rest of the
 * set-up (the templar, the runner) is still being built: connect, key exchange and authentication
 * take ~70 ms per host that would otherwise start only at the play. Only hosts whose connection
 * variables are plain values (no template) are opened early; when the play's variables name a
 * different address, user, key or port, the early connection is closed and the host is opened
 * again with them, so the result is always the connection the play asks for.
 */
final class EarlyConnections implements ConnectionFactory {
    private record Early(ConnectionSettings settings, CompletableFuture<Connection> connection) {}

    private final ConnectionFactory real;
    private final HostKeyPolicy policy;
    private final Map<String, Early> early = new ConcurrentHashMap<>();

    EarlyConnections(ConnectionFactory real, HostKeyPolicy policy) {
        this.real = real;
        this.policy = policy;
    }

    HostKeyPolicy policy() {
        return policy;
    }

    /** Starts connecting to the hosts {@code pattern} selects (after --limit), in the background. */
    void start(Inventory inventory, String pattern, String limit) {
        if (pattern == null || pattern.contains("{{")) return;
        try {
            List<String> hosts = HostPattern.select(inventory, pattern);
            if (limit != null) hosts = hosts.stream().filter(HostPattern.select(inventory, limit)::contains).toList();
            for (String h : hosts) {
                Map<String, Object> vars = InventoryVars.of(inventory, inventory.host(h));
                if (templated(vars)) continue;
                ConnectionSettings s = ConnectionSettings.from(h, vars, policy);
                if (s.local()) continue;
                early.put(h, new Early(s, CompletableFuture.supplyAsync(() -> {
                    try {
                        return real.open(h, vars);
                    } catch (UnreachableException e) {
                        throw new CompletionException(e);
                    }
                })));
            }
        } catch (RuntimeException e) {
            // anything unusual: the play connects as it always does
        }
    }

    @Override
    public Connection open(String host, Map<String, Object> vars) throws UnreachableException {
        Early e = early.remove(host);
        if (e == null) return real.open(host, vars);
        if (!e.settings().equals(ConnectionSettings.from(host, vars, policy))) {
            e.connection().thenAccept(Connection::close);
            return real.open(host, vars);
        }
        try {
            return e.connection().get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("Interrupted while connecting to " + host, ie);
        } catch (ExecutionException ee) {
            if (ee.getCause() instanceof UnreachableException u) throw u;
            throw new UnreachableException("Failed to connect to the host: " + ee.getCause(), ee.getCause());
        }
    }

    /** Closes connections opened early that the run never asked for. */
    @Override
    public void release() {
        for (Early e : early.values()) e.connection().thenAccept(Connection::close);
        early.clear();
    }

    private static boolean templated(Map<String, Object> vars) {
        for (Map.Entry<String, Object> v : vars.entrySet()) {
            if (v.getKey().startsWith("ansible_") || v.getKey().startsWith("jsock_")) {
                if (String.valueOf(v.getValue()).contains("{{")) return true;
            }
        }
        return false;
    }
}

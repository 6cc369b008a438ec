package dev.jsock.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs commands on the controller itself ({@code connection: local}) with {@code /bin/sh -c}.
 * Stdout and stderr are drained on their own threads while stdin is written, so a command that
 * prints a lot before reading its input cannot deadlock against us.
 */
public final class LocalConnection implements Connection {
    private final String host;
    private final String currentUser;

    public LocalConnection(String host) {
        this(host, System.getProperty("user.name"));
    }

    /** For tests: pretend to run as {@code currentUser}, which decides whether become needs sudo. */
    LocalConnection(String host, String currentUser) {
        this.host = host;
        this.currentUser = currentUser;
    }

    @Override
    public String host() {
        return host;
    }

    /** The command line handed to /bin/sh: sudo only when becoming someone else (root → root is a no-op). */
    String effectiveCommand(String command, Become become) {
        if (become == null || !become.enabled() || become.user().equals(currentUser)) return command;
        return become.wrap(command);
    }

    @Override
    public CommandResult exec(String command, byte[] stdin, Become become) throws UnreachableException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", effectiveCommand(command, become));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UnreachableException(host + ": cannot start /bin/sh: " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        byte[] password = passwordLine(become, command);
        try (OutputStream in = p.getOutputStream()) {
            if (password != null) in.write(password);
            if (stdin != null) in.write(stdin);
        } catch (IOException e) {
            // The command may exit without reading its input (e.g. `true`); that is its business.
        }
        try {
            int rc = p.waitFor();
            return new CommandResult(rc, text(out.get()), text(err.get()));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UnreachableException(host + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new UnreachableException(host + ": reading command output failed: " + e.getCause(), e.getCause());
        }
    }

    private byte[] passwordLine(Become become, String command) {
        boolean sudo = !effectiveCommand(command, become).equals(command);
        if (!sudo || become.password() == null) return null;
        return (become.password() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static CompletableFuture<byte[]> drain(InputStream s) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (s) {
                f.complete(s.readAllBytes());
            } catch (IOException e) {
                f.completeExceptionally(e);
            }
        }, "local-exec-drain");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // Nothing is held open between commands.
    }
}

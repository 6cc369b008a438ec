package dev.jsock.cli;

import dev.jsock.template.JinjavaTemplar;
import dev.jsock.transport.Connections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Start-up work a run will need, done on the second core while the main thread parses the command
 * line and loads the playbook: building the templar (Jinjava registers hundreds of filters, tests
 * and tags), loading the classes a first render touches, and sshj's configuration with the JDK's
 * key exchange, signature and cipher classes. Nothing here has side effects beyond this process;
 * if it fails, the main thread simply builds what it needs itself.
 */
final class Warmup {
    private static final Set<String> HOST_COMMANDS = Set.of("apply", "teardown", "status", "render");
    private static volatile CompletableFuture<JinjavaTemplar> templar;

    private Warmup() {}

    /** Begins the warm-up for commands that template and (except render) connect. */
    static void start(String... args) {
        if (args.length == 0 || !HOST_COMMANDS.contains(args[0])) return;
        boolean connects = !args[0].equals("render");
        templar = CompletableFuture.supplyAsync(() -> {
            JinjavaTemplar t = new JinjavaTemplar();
            // the first render loads and initialises the parser, interpreter and EL classes
            t.condition("(w | default([1]) | map('string') | list | length) > 0 and w is not defined", Map.of());
            return t;
        }, Warmup::daemon);
        if (connects) CompletableFuture.runAsync(Connections::warmUp, Warmup::daemon);
    }

    /** The warmed-up templar, or a new one when no warm-up ran or it failed. */
    static JinjavaTemplar templar() {
        CompletableFuture<JinjavaTemplar> f = templar;
        if (f != null) {
            try {
                return f.get();
            } catch (ExecutionException e) {
                // fall through: build it here, where a real problem surfaces with its own message
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new JinjavaTemplar();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "jsock-warmup");
        t.setDaemon(true);
        t.start();
    }
}

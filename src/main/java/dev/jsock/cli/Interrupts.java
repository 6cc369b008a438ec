package dev.jsock.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C: the first SIGINT interrupts the run (host threads stop at their next step; a file being
 * written stays in its temp name and is removed, never half-renamed) and jsock exits 99 like
 * ansible-playbook. Without this, the JVM would die mid-upload.
 */
final class Interrupts {
    private Interrupts() {}

    /**
     * Ctrl-C while jsock starts (options, inventory, playbook, connections being opened): nothing
     * on any host has changed yet, so jsock stops at once, with ansible-playbook's exit code 99
     * rather than the JVM's 130. {@link #run} takes over when the run begins.
     */
    static void beforeTheRun() {
        Signal.handle(new Signal("INT"), s -> {
            System.err.println("\n[ERROR]: User interrupted execution");
            System.exit(ExitCodes.INTERRUPTED);
        });
    }

    static int run(Callable<Integer> body) throws Exception {
        Thread main = Thread.currentThread();
        AtomicBoolean interrupted = new AtomicBoolean();
        Signal.handle(new Signal("INT"), s -> {
            interrupted.set(true);
            main.interrupt();
        });
        try {
            int code = body.call();
            return interrupted.get() ? ExitCodes.INTERRUPTED : code;
        } catch (InterruptedException e) {
            System.err.println("\n[ERROR]: User interrupted execution");
            return ExitCodes.INTERRUPTED;
        }
    }
}

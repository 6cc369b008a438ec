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

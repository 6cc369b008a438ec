package dev.jsock.transport;

/**
 * The host-side lock that keeps two jsock runs from changing one host at the same time. It is an
 * flock(1) held by a remote process that lives as long as jsock's SSH session: when jsock ends, or
 * its connection drops, the process goes and the lock with it, so a crash never leaves a stale lock.
 */
public final class RunLock {
    static final String READY = "JSOCK-LOCKED";

    private RunLock() {}

    /**
     * The running playbook's mark, left next to the lock by the session that holds it. Set by the
     * run's thread and inherited by its host threads; several runs in one process (tests) have
     * marks of their own, and a caller outside a run gets a fresh mark, so it never shares.
     */
    private static final InheritableThreadLocal<String> RUN = new InheritableThreadLocal<>();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Marks the current thread (and the host threads it starts) as one run. */
    public static void startRun() {
        RUN.set(mark());
    }

    private static String mark() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /**
     * The remote command: print READY once the lock is held, then keep it until stdin closes. The
     * holder writes this run's mark next to the lock, so a second inventory name for the same
     * machine in the same run goes ahead instead of waiting for its own run (it polls, five times
     * a second, for the lock or the mark).
     */
    static String command(int waitSeconds) {
        String run = RUN.get() != null ? RUN.get() : mark();
        String hold = "sh -c 'echo " + READY + "; exec cat >/dev/null'";
        return "d=/run/lock; [ -d \"$d\" ] && [ -w \"$d\" ] || d=/tmp; "
                + "if command -v flock >/dev/null 2>&1; then n=0; while :; do "
                + "flock -n \"$d/jsock.lock\" sh -c 'echo \"$1\" > \"$2\"; echo " + READY + "; exec cat >/dev/null' sh " + run
                + " \"$d/jsock.lock.run\" && exit 0; "
                + "[ \"$(cat \"$d/jsock.lock.run\" 2>/dev/null)\" = " + run + " ] && exec " + hold + "; "
                + "n=$((n+1)); [ \"$n\" -ge " + (waitSeconds * 5) + " ] && exit 1; sleep 0.2; done"
                + "; else exec " + hold + "; fi";
    }

    static String busyMessage(String host, int waitSeconds) {
        return "another jsock run holds the lock on " + host + " (waited " + waitSeconds
                + " s); run again when it has finished, or raise jsock_lock_timeout";
    }
}

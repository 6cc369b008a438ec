package dev.jsock.transport;

/**
 * The host-side lock that keeps two jsock runs from changing one host at the same time. It is an
 * flock(1) held by a remote process that lives as long as jsock's SSH session: when jsock ends, or
 * its connection drops, the process goes and the lock with it, so a crash never leaves a stale lock.
 */
public final class RunLock {
    static final String READY = "JSOCK-LOCKED";

    private RunLock() {}

    /** This run's mark, left next to the lock by the session that holds it. */
    private static final String RUN = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(8));

    /**
     * The remote command: print READY once the lock is held, then keep it until stdin closes. The
     * holder writes this run's mark next to the lock, so a second inventory name for the same
     * machine in the same run goes ahead instead of waiting for its own run (it polls, five times
     * a second, for the lock or the mark).
     */
    static String command(int waitSeconds) {
        String hold = "sh -c 'echo " + READY + "; exec cat >/dev/null'";
        return "d=/run/lock; [ -d \"$d\" ] && [ -w \"$d\" ] || d=/tmp; "
                + "if command -v flock >/dev/null 2>&1; then n=0; while :; do "
                + "flock -n \"$d/jsock.lock\" sh -c 'echo \"$1\" > \"$2\"; echo " + READY + "; exec cat >/dev/null' sh " + RUN
                + " \"$d/jsock.lock.run\" && exit 0; "
                + "[ \"$(cat \"$d/jsock.lock.run\" 2>/dev/null)\" = " + RUN + " ] && exec " + hold + "; "
                + "n=$((n+1)); [ \"$n\" -ge " + (waitSeconds * 5) + " ] && exit 1; sleep 0.2; done"
                + "; else exec " + hold + "; fi";
    }

    static String busyMessage(String host, int waitSeconds) {
        return "another jsock run holds the lock on " + host + " (waited " + waitSeconds
                + " s); run again when it has finished, or raise jsock_lock_timeout";
    }
}

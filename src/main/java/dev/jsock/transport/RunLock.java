package dev.jsock.transport;

/**
 * The host-side lock that keeps two jsock runs from changing one host at the same time. It is an
 * flock(1) held by a remote process that lives as long as jsock's SSH session: when jsock ends, or
 * its connection drops, the process goes and the lock with it, so a crash never leaves a stale lock.
 */
public final class RunLock {
    static final String READY = "JSOCK-LOCKED";

    private RunLock() {}

    /** The remote command: print READY once the lock is held, then keep it until stdin closes. */
    static String command(int waitSeconds) {
        String hold = "sh -c 'echo " + READY + "; exec cat >/dev/null'";
        return "d=/run/lock; [ -d \"$d\" ] && [ -w \"$d\" ] || d=/tmp; "
                + "if command -v flock >/dev/null 2>&1; then exec flock -w " + waitSeconds + " \"$d/jsock.lock\" " + hold
                + "; else exec " + hold + "; fi";
    }

    static String busyMessage(String host, int waitSeconds) {
        return "another jsock run holds the lock on " + host + " (waited " + waitSeconds
                + " s); run again when it has finished, or raise jsock_lock_timeout";
    }
}

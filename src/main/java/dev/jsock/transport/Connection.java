package dev.jsock.transport;

/**
 * A channel to one host. Everything jsock does on a host is a shell command with optional stdin:
 * file uploads are {@code cat > tmp} with the bytes on stdin, so privilege escalation (sudo) wraps
 * uploads exactly like any other command. Implementations must be safe for use by one thread at a
 * time; the executor never shares a connection between threads.
 */
public interface Connection extends AutoCloseable {

    /** Host name as in the inventory, for messages. */
    String host();

    /**
     * Runs {@code command} through the remote user's shell. The caller quotes every argument
     * (see {@link ShellQuote}); this method adds privilege escalation when {@code become} is set.
     *
     * @throws UnreachableException when the host cannot be reached or the connection drops
     */
    CommandResult exec(String command, byte[] stdin, Become become) throws UnreachableException;

    default CommandResult exec(String command) throws UnreachableException {
        return exec(command, null, Become.NONE);
    }

    /**
     * Takes the host-side run lock, waiting up to {@code waitSeconds}; the returned handle releases
     * it. Connections that need no lock (local) return a no-op handle.
     *
     * @throws UnreachableException when the lock is still held by another run after the wait
     */
    default AutoCloseable holdRunLock(int waitSeconds) throws UnreachableException {
        return () -> { };
    }

    @Override
    void close();
}

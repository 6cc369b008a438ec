package dev.jsock.exec;

import dev.jsock.transport.Become;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.Connection;
import dev.jsock.transport.UnreachableException;
import java.util.List;

/**
 * Reports every command of one task before it runs (-vvv). Values of secret-named variables are
 * masked, and a no_log task shows only that a command ran, never the command.
 */
final class TracedConnection implements Connection {
    private final Connection inner;
    private final RunListener listener;
    private final List<String> secrets;
    private final boolean noLog;

    TracedConnection(Connection inner, RunListener listener, List<String> secrets, boolean noLog) {
        this.inner = inner;
        this.listener = listener;
        this.secrets = secrets;
        this.noLog = noLog;
    }

    @Override
    public String host() {
        return inner.host();
    }

    @Override
    public CommandResult exec(String command, byte[] stdin, Become become) throws UnreachableException {
        String shown = noLog ? "(command hidden: no_log)" : (String) SecretMask.maskValue(command, secrets);
        if (become.enabled()) shown = "[become " + become.user() + "] " + shown;
        listener.remoteCommand(host(), shown);
        return inner.exec(command, stdin, become);
    }

    @Override
    public AutoCloseable holdRunLock(int waitSeconds) throws UnreachableException {
        return inner.holdRunLock(waitSeconds);
    }

    @Override
    public void close() {
        inner.close();
    }
}

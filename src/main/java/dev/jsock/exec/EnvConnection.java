package dev.jsock.exec;

import dev.jsock.transport.Become;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.Connection;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The task's environment: keyword applied to every command a module runs: each command is
 * prefixed with quoted exports, inside any sudo, so the values reach the module's processes.
 */
final class EnvConnection implements Connection {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Connection inner;
    private final String exports;

    EnvConnection(Connection inner, Map<String, String> env) {
        this.inner = inner;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!NAME.matcher(e.getKey()).matches()) {
                throw new dev.jsock.modules.ModuleArgs.BadArgument("environment variable name is not valid: '" + e.getKey() + "'");
            }
            sb.append("export ").append(e.getKey()).append('=').append(ShellQuote.quote(e.getValue())).append("; ");
        }
        this.exports = sb.toString();
    }

    @Override
    public String host() {
        return inner.host();
    }

    @Override
    public CommandResult exec(String command, byte[] stdin, Become become) throws UnreachableException {
        return inner.exec(exports + command, stdin, become);
    }

    @Override
    public void close() {
        // the underlying connection belongs to the host, not to this task
    }
}

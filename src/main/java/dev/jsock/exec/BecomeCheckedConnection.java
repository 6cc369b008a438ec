package dev.jsock.exec;

import dev.jsock.transport.Become;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.Connection;
import dev.jsock.transport.UnreachableException;

/**
 * Tells sudo's own refusal apart from the command's failure. When sudo rejects the password (or
 * needs one and has none) the command never ran, and a module reading exit code 1 would otherwise
 * report something misleading such as "Destination directory does not exist". Ansible fails the task
 * with "Incorrect sudo password" / "Missing sudo password"; so does jsock.
 */
final class BecomeCheckedConnection implements Connection {
    private final Connection inner;

    BecomeCheckedConnection(Connection inner) {
        this.inner = inner;
    }

    @Override
    public String host() {
        return inner.host();
    }

    @Override
    public CommandResult exec(String command, byte[] stdin, Become become) throws UnreachableException {
        if (become.enabled() && become.password() != null && stdin != null && stdin.length > 0) {
            // sudo -S reads the password from stdin and, when it is wrong, retries with the next lines:
            // check the password alone first so file content never reaches sudo as a password attempt
            check(inner.exec("true", null, become));
        }
        CommandResult r = inner.exec(command, stdin, become);
        if (become.enabled()) check(r);
        return r;
    }

    private static void check(CommandResult r) {
        if (r.exitCode() == 1) {
            String err = r.stderr();
            // sudo speaks before the command starts, so its words open stderr
            boolean sudoFirst = err.startsWith("Sorry, try again.") || err.startsWith("sudo: ");
            if (sudoFirst && err.contains("incorrect password attempt")) throw new Refused("Incorrect sudo password");
            if (sudoFirst && (err.contains("a password is required") || err.contains("no password was provided"))) {
                throw new Refused("Missing sudo password");
            }
        }
    }

    @Override
    public void close() {
        // the underlying connection belongs to the host, not to this task
    }

    /** sudo refused to run the command; the task fails with this message. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}

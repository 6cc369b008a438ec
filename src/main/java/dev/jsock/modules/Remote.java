package dev.jsock.modules;

import dev.jsock.transport.CommandResult;
import dev.jsock.transport.UnreachableException;
import java.util.List;

/** Runs already-quoted commands on the module's host with the task's privilege escalation. */
final class Remote {
    private final ModuleContext ctx;

    Remote(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** A command that may change the host (the file cache counts it: see {@link RemoteFileCache#clearAfterTask()}). */
    CommandResult run(String command) throws UnreachableException {
        return run(command, null);
    }

    CommandResult run(String command, byte[] stdin) throws UnreachableException {
        ctx.files().changingCommand();
        return ctx.connection().exec(command, stdin, ctx.become());
    }

    /** A read-only command (a look at files, getent, systemctl show): changes nothing. */
    CommandResult look(String command) throws UnreachableException {
        return ctx.connection().exec(command, null, ctx.become());
    }

    /**
     * A command that changes the host (a file write, a user's command, a systemctl start), followed
     * in the same remote command by a look at the paths the coming tasks are predicted to need, so
     * that the cache knows them as they are after the change without a round trip of its own (a
     * first deploy needed a look after nearly every task). The command runs in a subshell, so its
     * own exit still ends in the look; its exit code is kept, and its output is returned without
     * the look's, which is framed by a random token.
     */
    CommandResult changeThenLook(String command, byte[] stdin) throws UnreachableException {
        List<String> paths = ctx.files().pathsToLookAfterWrite();
        if (paths.isEmpty()) return run(command, stdin);
        String token = "@@jsock-look-" + java.util.HexFormat.of().formatHex(randomBytes());
        String full = "(\n" + command + "\n); rc=$?; printf '\\n%s\\n' " + token + "; (" + FileFactsBatch.command(paths)
                + ") 2>/dev/null; exit $rc";
        CommandResult r = run(full, stdin);
        String out = r.stdout();
        String frame = "\n" + token + "\n";
        int at = out.lastIndexOf(frame);
        if (at < 0) return r;
        ctx.files().tookLookAfterWrite(ctx.become(), paths, out.substring(at + frame.length()));
        return new CommandResult(r.exitCode(), out.substring(0, at), r.stderr());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
}

package dev.jsock.modules;

import dev.jsock.transport.CommandResult;
import dev.jsock.transport.UnreachableException;

/** Runs already-quoted commands on the module's host with the task's privilege escalation. */
final class Remote {
    private final ModuleContext ctx;

    Remote(ModuleContext ctx) {
        this.ctx = ctx;
    }

    CommandResult run(String command) throws UnreachableException {
        return ctx.connection().exec(command, null, ctx.become());
    }

    CommandResult run(String command, byte[] stdin) throws UnreachableException {
        return ctx.connection().exec(command, stdin, ctx.become());
    }
}

package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.util.Map;

/** Turns argument errors raised anywhere in a module into a failed result, as Ansible reports them. */
abstract class BaseModule implements Module {

    @Override
    public final TaskResult run(ModuleContext ctx) throws UnreachableException {
        try {
            return execute(ctx);
        } catch (ModuleArgs.BadArgument e) {
            return TaskResult.failed(e.getMessage(), Map.of());
        }
    }

    abstract TaskResult execute(ModuleContext ctx) throws UnreachableException;
}

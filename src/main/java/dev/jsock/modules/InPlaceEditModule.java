package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What lineinfile, blockinfile and replace share as modules: their common arguments, that an
 * unchanged run only read the host, and the failures every one of them reports the same way (a file
 * that cannot be read or is a directory; a pattern that does not compile).
 */
abstract class InPlaceEditModule extends BaseModule {
    private final String name;
    private final Set<String> params;

    InPlaceEditModule(String name, Set<String> ownParams) {
        this.name = name;
        Set<String> all = new HashSet<>(InPlaceEditor.COMMON);
        all.addAll(ownParams);
        this.params = Set.copyOf(all);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    final TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        a.allowOnly(name, params);
        try {
            return edit(ctx, a, InPlaceEditor.path(a));
        } catch (InPlaceEditor.ReadFailure e) {
            return TaskResult.failed(e.getMessage(), e.data());
        } catch (IllegalArgumentException e) { // a pattern that does not compile, a template Python would refuse
            return TaskResult.failed(e.getMessage(), Map.of());
        }
    }

    /** The module's own part: arguments, the edit, and {@link InPlaceEditor#finish}. */
    abstract TaskResult edit(ModuleContext ctx, ModuleArgs a, String path) throws UnreachableException;
}

package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.template.TemplateException;
import dev.jsock.transport.UnreachableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ansible's template: renders {@code src} on the controller, then writes it like copy. */
final class TemplateModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("src", "dest", "owner", "group", "mode", "validate", "force", "backup");

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    public String name() {
        return "template";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        if (!a.has("src") || !a.has("dest")) return TaskResult.failed("src and dest are required", Map.of());
        a.allowOnly("template", PARAMS);
        String src = a.str("src");
        Optional<Path> file = LocalSource.find(ctx, "templates", src);
        if (file.isEmpty()) return TaskResult.failed(LocalSource.notFound(src), Map.of());
        String text;
        try {
            text = ctx.renderer().render(file.get());
        } catch (TemplateException e) {
            String where = e.source() == null ? src : e.source().toString();
            return TaskResult.failed(where + ": " + e.getMessage(), Map.of());
        }
        ContentDeployer.Request req = new ContentDeployer.Request(a.str("dest"), text.getBytes(StandardCharsets.UTF_8),
                FileAttrs.from(a), a.str("validate"), a.bool("force", true), file.get().getFileName().toString(),
                a.bool("backup", false));
        return new ContentDeployer(ctx).deploy(req);
    }
}

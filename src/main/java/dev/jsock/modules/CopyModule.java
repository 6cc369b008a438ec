package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ansible's copy: {@code content} or a controller-side {@code src} file to {@code dest}. */
final class CopyModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("content", "src", "dest", "owner", "group", "mode", "validate", "force", "backup");

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        a.allowOnly("copy", PARAMS);
        if (!a.has("dest")) return TaskResult.failed("dest is required", Map.of());
        boolean hasContent = a.raw("content") != null;
        if (hasContent && a.has("src")) return TaskResult.failed("src and content are mutually exclusive", Map.of());
        if (!hasContent && !a.has("src")) return TaskResult.failed("src (or content) is required", Map.of());
        byte[] bytes;
        String basename = null;
        if (hasContent) {
            bytes = a.str("content").getBytes(StandardCharsets.UTF_8);
        } else {
            String src = a.str("src");
            Optional<Path> file = LocalSource.find(ctx, "files", src);
            if (file.isEmpty()) return TaskResult.failed(LocalSource.notFound(src), Map.of());
            if (Files.isDirectory(file.get())) return TaskResult.failed("jsock: copying a directory (" + src + ") is not supported", Map.of());
            try {
                bytes = Files.readAllBytes(file.get());
            } catch (IOException e) {
                return TaskResult.failed(LocalSource.notFound(src), Map.of());
            }
            basename = file.get().getFileName().toString();
        }
        ContentDeployer.Request req = new ContentDeployer.Request(a.str("dest"), bytes, FileAttrs.from(a), a.str("validate"),
                a.bool("force", true), basename, a.bool("backup", false));
        return new ContentDeployer(ctx).deploy(req);
    }
}

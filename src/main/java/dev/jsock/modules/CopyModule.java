package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Ansible's copy: {@code content} or a controller-side {@code src} file to {@code dest}. */
final class CopyModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("content", "src", "dest", "owner", "group", "mode", "validate", "force", "backup",
            "remote_src", "directory_mode", "local_follow");

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
        if (a.bool("remote_src", false) && !hasContent) return fromHost(ctx, a);
        if (!a.bool("local_follow", true)) return TaskResult.failed("jsock: local_follow: false is not supported (links are followed)", Map.of());
        byte[] bytes;
        String basename = null;
        FileAttrs attrs = attrs(a, null);
        if (hasContent) {
            bytes = a.str("content").getBytes(StandardCharsets.UTF_8);
        } else {
            String src = a.str("src");
            Optional<Path> file = LocalSource.find(ctx, "files", src);
            if (file.isEmpty()) return TaskResult.failed(LocalSource.notFound(src), Map.of());
            if (Files.isDirectory(file.get())) return fromDirectory(ctx, a, file.get(), src.endsWith("/"));
            try {
                bytes = Files.readAllBytes(file.get());
            } catch (IOException e) {
                return TaskResult.failed(LocalSource.notFound(src), Map.of());
            }
            basename = file.get().getFileName().toString();
            if (isPreserve(a)) {
                try {
                    attrs = attrs(a, Integer.toOctalString(posixMode(file.get())));
                } catch (IOException e) {
                    return TaskResult.failed(LocalSource.notFound(src), Map.of());
                }
            }
        }
        ContentDeployer.Request req = new ContentDeployer.Request(a.str("dest"), bytes, attrs, a.str("validate"),
                a.bool("force", true), basename, a.bool("backup", false));
        return new ContentDeployer(ctx).deploy(req);
    }

    /**
     * remote_src: the source is a file on the host. One look gives its checksum, size and mode; the
     * write copies it on the host into the same atomic write as an upload ("preserve" takes its mode).
     */
    private static TaskResult fromHost(ModuleContext ctx, ModuleArgs a) throws UnreachableException {
        String src = a.str("src");
        String s = dev.jsock.transport.ShellQuote.quote(src);
        dev.jsock.transport.CommandResult r = new Remote(ctx).look("s=" + s + "; if [ -d \"$s\" ]; then echo dir; "
                + "elif [ ! -e \"$s\" ]; then echo absent; elif [ ! -r \"$s\" ]; then echo unreadable; "
                + "elif [ ! -f \"$s\" ]; then echo other; else echo \"file $(sha1sum < \"$s\" | cut -d' ' -f1) $(stat -L -c '%s %a' -- \"$s\") $(md5sum < \"$s\" | cut -d' ' -f1)\"; fi");
        String[] what = r.stdout().strip().split(" ");
        switch (what[0]) {
            case "absent" -> { return TaskResult.failed("Source " + src + " not found", Map.of()); }
            case "unreadable" -> { return TaskResult.failed("Source " + src + " not readable", Map.of()); }
            case "other" -> { return TaskResult.failed("Cannot copy invalid source '" + src + "': not a file", Map.of()); }
            case "dir" -> { return TaskResult.failed("jsock: copying a directory with remote_src (" + src + ") is not supported", Map.of()); }
            case "file" -> { }
            default -> { return TaskResult.failed("jsock: could not look at " + src + ": " + r.stderr().strip(), Map.of()); }
        }
        FileAttrs attrs = attrs(a, what[3]);
        ContentDeployer.RemoteFile file = new ContentDeployer.RemoteFile(src, what[1], Long.parseLong(what[2]));
        ContentDeployer.Request req = new ContentDeployer.Request(a.str("dest"), new byte[0], attrs, a.str("validate"),
                a.bool("force", true), RemotePaths.basename(src), a.bool("backup", false), false, false, file);
        TaskResult result = new ContentDeployer(ctx).deploy(req);
        if (result.failed()) return result;
        Map<String, Object> data = new java.util.LinkedHashMap<>(result.data());
        if (result.changed() && data.containsKey("checksum")) data.put("md5sum", what[4]);
        data.put("src", src);
        return new TaskResult(result.status(), result.msg(), data, result.diffs());
    }

    private static boolean isPreserve(ModuleArgs a) {
        return "preserve".equals(a.str("mode"));
    }

    /** The task's owner, group and mode; mode "preserve" is the source's (octal text), or none when it has none. */
    private static FileAttrs attrs(ModuleArgs a, String sourceMode) {
        if (!isPreserve(a)) return FileAttrs.from(a);
        return new FileAttrs(a.str("owner"), a.str("group"), sourceMode == null ? null : ModeSpec.parse(sourceMode));
    }

    private static int posixMode(Path p) throws IOException {
        int mode = 0;
        for (java.nio.file.attribute.PosixFilePermission perm : Files.getPosixFilePermissions(p)) {
            mode |= 0400 >> perm.ordinal();
        }
        return mode;
    }

    /**
     * A controller-side directory, as Ansible's copy action copies one: "dir/" copies what is in it
     * into dest, "dir" the directory itself; every directory is made sure of with directory_mode,
     * then every file is written as a single copy would write it. One file
     * reports that file's result; more report dest, src and whether anything changed.
     */
    private static TaskResult fromDirectory(ModuleContext ctx, ModuleArgs a, Path dir, boolean contentsOnly) throws UnreachableException {
        Path base = contentsOnly ? dir : dir.getParent();
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(dir) && contentsOnly) continue;
                (Files.isDirectory(p) ? dirs : files).add(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return TaskResult.failed("could not read the directory " + dir + ": " + e.getMessage(), Map.of());
        }
        String dest = a.str("dest").endsWith("/") ? a.str("dest") : a.str("dest") + "/";
        boolean changed = false;
        // directories first, each missing level made with directory_mode (Ansible makes them while
        // writing files, then sets directory_mode on each copied one: the same end state); dest
        // itself only when it is missing
        String root = RemotePaths.stripTrailingSlashes(dest);
        List<String> dirPaths = new ArrayList<>();
        boolean empty = files.isEmpty() && dirs.isEmpty(); // Ansible copies no empty directory
        if (!empty && !ctx.files().lookup(new Remote(ctx), ctx.become(), root).facts().exists()) dirPaths.add(root);
        for (Path d : dirs) dirPaths.add(dest + base.relativize(d));
        for (String d : dirPaths) {
            Map<String, Object> args = new java.util.LinkedHashMap<>();
            args.put("path", d);
            args.put("state", "directory");
            if (a.has("directory_mode")) args.put("mode", a.raw("directory_mode"));
            if (a.has("owner")) args.put("owner", a.str("owner"));
            if (a.has("group")) args.put("group", a.str("group"));
            TaskResult r = new FileModule().run(new ModuleContext(ctx.host(), args, ctx.connection(), ctx.become(), ctx.check(),
                    ctx.diff(), ctx.sources(), ctx.renderer(), ctx.files()));
            if (r.failed()) return r;
            changed |= r.changed();
        }
        TaskResult last = null;
        List<dev.jsock.model.FileDiff> diffs = new ArrayList<>();
        for (Path f : files) {
            String rel = base.relativize(f).toString();
            byte[] bytes;
            FileAttrs attrs = attrs(a, null);
            try {
                bytes = Files.readAllBytes(f);
                if (isPreserve(a)) attrs = attrs(a, Integer.toOctalString(posixMode(f)));
            } catch (IOException e) {
                return TaskResult.failed("could not find src=" + f + ", " + e.getMessage(), Map.of());
            }
            ContentDeployer.Request req = new ContentDeployer.Request(dest + rel, bytes, attrs, a.str("validate"),
                    a.bool("force", true), null, a.bool("backup", false), true, false, null);
            last = new ContentDeployer(ctx).deploy(req);
            if (last.failed()) return last;
            changed |= last.changed();
            diffs.addAll(last.diffs());
        }
        if (files.size() == 1 && last != null) return TaskResult.of(changed, last.data(), diffs);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("dest", dest);
        data.put("src", contentsOnly ? dir + "/" : dir.toString());
        return TaskResult.of(changed, data, diffs);
    }
}

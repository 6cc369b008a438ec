package dev.jsock.modules;

import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's file module: file / directory / absent / touch / link with owner, group and mode. */
final class FileModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("path", "dest", "name", "state", "src", "owner", "group", "mode", "force", "recurse", "follow",
            "modification_time", "access_time", "modification_time_format", "access_time_format");

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        String path = firstOf(a, "path", "dest", "name");
        if (path == null) throw new ModuleArgs.BadArgument("missing required arguments: path");
        a.allowOnly("file", PARAMS);
        String wanted = a.choice("state", null, "absent", "directory", "file", "hard", "link", "touch");
        if ("hard".equals(wanted)) return TaskResult.failed("jsock: state=hard is not supported", Map.of());
        if (a.has("src") && !"link".equals(wanted)) return TaskResult.failed("src option requires state to be 'link' or 'hard'", Map.of());
        boolean recurse = a.bool("recurse", false);
        FileAttrs attrs = FileAttrs.from(a);
        Remote remote = new Remote(ctx);
        FileFacts f = ctx.files().lookup(remote, ctx.become(), path).facts();
        // as Ansible: without a state, an existing path's own state is the wish (a directory may recurse)
        if (recurse && wanted == null && f.isDir()) wanted = "directory";
        if (recurse && !"directory".equals(wanted)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("path", path);
            data.putAll(f.attrs());
            return TaskResult.failed("recurse option requires state to be 'directory'", data);
        }
        String state = wanted != null ? wanted : f.exists() ? stateOf(f) : "file";
        FileOps ops = new FileOps(ctx, remote, path, attrs, f);
        return switch (state) {
            case "absent" -> ops.absent();
            case "directory" -> recurse ? ops.directoryRecursively(a.bool("follow", true)) : ops.directory();
            case "touch" -> f.exists() && preserveTimes(a) ? ops.file() : ops.touch();
            case "link" -> ops.link(a.str("src"), a.bool("force", false));
            default -> ops.file();
        };
    }

    /**
     * modification_time and access_time both "preserve": touch leaves an existing file's times alone
     * (only its attributes are brought to the wish), the idempotent touch of many roles. "now" is
     * touch's own behaviour; a given time is not supported.
     */
    private static boolean preserveTimes(ModuleArgs a) {
        for (String k : List.of("modification_time", "access_time")) {
            String v = a.str(k);
            if (v != null && !v.equals("preserve") && !v.equals("now")) {
                throw new ModuleArgs.BadArgument("jsock: " + k + " supports only 'preserve' and 'now', got: " + v);
            }
        }
        return "preserve".equals(a.str("modification_time")) && "preserve".equals(a.str("access_time"));
    }

    static String stateOf(FileFacts f) {
        return f.isDir() ? "directory" : f.isLink() ? "link" : f.isReg() ? "file" : f.type();
    }

    private static String firstOf(ModuleArgs a, String... keys) {
        for (String k : keys) if (a.has(k)) return a.str(k);
        return null;
    }

    /** The state transitions for one path, given what is there now. */
    private static final class FileOps {
        private final ModuleContext ctx;
        private final Remote remote;
        private final String path;
        private final String q;
        private final FileAttrs attrs;
        private final FileFacts f;

        FileOps(ModuleContext ctx, Remote remote, String path, FileAttrs attrs, FileFacts f) {
            this.ctx = ctx;
            this.remote = remote;
            this.path = path;
            this.q = ShellQuote.quote(path);
            this.attrs = attrs;
            this.f = f;
        }

        TaskResult absent() throws UnreachableException {
            Map<String, Object> data = Map.of("path", path, "state", "absent");
            if (!f.exists()) return TaskResult.ok(data);
            List<FileDiff> diffs = stateDiff(stateOf(f), "absent");
            if (ctx.check()) return TaskResult.changed(data, diffs);
            CommandResult r = remote.changeThenLook("rm -rf -- " + q, null);
            if (!r.ok()) return TaskResult.failed("rmtree failed: " + r.stderr().strip(), data);
            return TaskResult.changed(data, diffs);
        }

        TaskResult file() throws UnreachableException {
            if (!f.exists()) return failedWith("file (" + path + ") is absent, cannot continue", Map.of("path", path, "state", "absent"));
            if (f.isDir()) return failedWith("file (" + path + ") is directory, cannot continue", withPath(f));
            return fixAttrs(List.of(), "path");
        }

        TaskResult directory() throws UnreachableException {
            if (f.exists() && !f.isDir()) return failedWith(path + " already exists as a " + stateOf(f), withPath(f));
            if (f.exists()) return fixAttrs(List.of(), "path");
            List<FileDiff> diffs = stateDiff("absent", "directory");
            if (ctx.check()) return TaskResult.changed(Map.of("path", path), diffs);
            // Each missing level gets the wanted owner and mode, as Ansible applies them to every directory it creates.
            StringBuilder cmd = new StringBuilder("for d in");
            for (String level : levels(path)) cmd.append(' ').append(ShellQuote.quote(level));
            // another host's task (delegate_to: localhost, or two names for one machine) may make
            // the same level at the same moment: a level that exists after a failed mkdir is fine
            cmd.append("; do if [ ! -d \"$d\" ]; then mkdir -- \"$d\" 2>/dev/null || [ -d \"$d\" ] || mkdir -- \"$d\" || exit 1");
            if (attrs.owner() != null || attrs.group() != null) {
                cmd.append("; chown -- ").append(ShellQuote.quote(attrs.chownSpec())).append(" \"$d\" || exit 2");
            }
            if (attrs.mode() != null && attrs.mode().absolute() != null) {
                cmd.append("; chmod -- ").append(FileAttrs.octal(attrs.mode().absolute())).append(" \"$d\" || exit 3");
            }
            cmd.append("; fi; done; ");
            return afterChange(cmd.toString(), diffs, "path", "directory");
        }

        /** recurse: the directory as directory() leaves it, then everything under it (Ansible reports the directory's own facts). */
        TaskResult directoryRecursively(boolean follow) throws UnreachableException {
            TaskResult top = directory();
            if (top.failed() || (ctx.check() && !f.exists())) return top;
            RecursiveAttrs.Result under = RecursiveAttrs.apply(remote, path, attrs, follow, ctx.check());
            if (under.failure() != null) return failedWith(under.failure(), Map.of("path", path));
            return under.changed() ? top.withStatus(TaskResult.Status.CHANGED) : top;
        }

        TaskResult touch() throws UnreachableException {
            List<FileDiff> diffs = stateDiff(f.exists() ? stateOf(f) : "absent", "touch");
            if (ctx.check()) return TaskResult.changed(Map.of("dest", path), diffs);
            List<String> cmds = new ArrayList<>();
            cmds.add("touch -- " + q);
            FileFacts assumed = f.exists() ? f : new FileFacts(true, "file", -1, -1, -1, null, null, 0, 0, null, null);
            if (attrs.owner() != null || attrs.group() != null) cmds.add("chown -- " + ShellQuote.quote(attrs.chownSpec()) + " " + q);
            if (attrs.mode() != null && (!f.exists() || attrs.modeDiffers(assumed))) {
                int base = f.exists() ? f.mode() : 0644;
                cmds.add("chmod -- " + FileAttrs.octal(attrs.mode().apply(base, false)) + " " + q);
            }
            return afterChange(String.join(" && ", cmds) + " && ", diffs, "dest", "touch");
        }

        TaskResult link(String src, boolean force) throws UnreachableException {
            if (src == null && !(f.isLink())) return TaskResult.failed("src is required for creating new symlinks", Map.of());
            if (f.exists() && !f.isLink() && !(force && f.isReg())) {
                return failedWith("refusing to convert from " + stateOf(f) + " to symlink for " + path, withPath(f));
            }
            if (f.isLink() && (src == null || src.equals(f.linkTarget()))) return fixAttrs(List.of(), "dest", src);
            if (!force) {
                // as Ansible: without force a link must point at something that exists (relative to the link's directory)
                String target = src.startsWith("/") ? src : RemotePaths.join(RemotePaths.parent(path), src);
                if (!remote.look("[ -e " + ShellQuote.quote(target) + " ]").ok()) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("path", path);
                    data.put("src", src);
                    return TaskResult.failed("src file does not exist, use \"force=yes\" if you really want to create the link: " + target, data);
                }
            }
            List<FileDiff> diffs = stateDiff(f.exists() ? stateOf(f) : "absent", "link");
            Map<String, Object> planned = new LinkedHashMap<>();
            planned.put("dest", path);
            planned.put("src", src);
            if (ctx.check()) return TaskResult.changed(planned, diffs);
            String cmd = "ln -sfn -- " + ShellQuote.quote(src) + " " + q + " || exit 1; ";
            if (attrs.owner() != null || attrs.group() != null) {
                cmd += "chown -h -- " + ShellQuote.quote(attrs.chownSpec()) + " " + q + " || exit 2; ";
            }
            TaskResult r = afterChange(cmd, diffs, "dest", "link");
            if (r.failed()) return r;
            Map<String, Object> data = new LinkedHashMap<>(r.data());
            data.put("src", src);
            return TaskResult.changed(data, diffs);
        }

        private TaskResult fixAttrs(List<FileDiff> diffs, String key) throws UnreachableException {
            return fixAttrs(diffs, key, null);
        }

        private TaskResult fixAttrs(List<FileDiff> diffs, String key, String linkSrc) throws UnreachableException {
            List<String> fixes = attrs.fixCommands(path, f, f.isLink());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(key, path);
            if (linkSrc != null) data.put("src", linkSrc);
            if (fixes.isEmpty()) {
                data.putAll(f.attrs());
                return TaskResult.ok(data);
            }
            List<FileDiff> all = new ArrayList<>(diffs);
            all.add(attrDiff());
            if (ctx.check()) {
                data.putAll(f.attrs());
                return TaskResult.changed(data, all);
            }
            CommandResult r = remote.changeThenLook(String.join(" && ", fixes) + " && " + FileFacts.command(path), null);
            if (!r.ok()) return failedWith(attrs.chownFailure(r.stderr()), withPath(f));
            data.putAll(FileFacts.parse(r.stdout()).attrs());
            return TaskResult.changed(data, all);
        }

        private TaskResult afterChange(String cmd, List<FileDiff> diffs, String key, String doing) throws UnreachableException {
            CommandResult r = remote.changeThenLook(cmd + FileFacts.command(path), null);
            if (!r.ok()) {
                String err = r.stderr().strip();
                if (r.exitCode() == 2) return TaskResult.failed(attrs.chownFailure(err), Map.of("path", path));
                String msg = doing.equals("touch") ? "Error, could not touch target: " + err
                        : doing.equals("link") ? "Error while linking: " + err
                        : "There was an issue creating " + path + " as requested: " + err;
                return TaskResult.failed(msg, Map.of("path", path));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(key, path);
            data.putAll(FileFacts.parse(r.stdout()).attrs());
            return TaskResult.changed(data, diffs);
        }

        private FileDiff attrDiff() {
            Map<String, String> before = new LinkedHashMap<>();
            Map<String, String> after = new LinkedHashMap<>();
            before.put("path", path);
            after.put("path", path);
            if (attrs.modeDiffers(f)) {
                before.put("mode", f.modeString());
                after.put("mode", FileAttrs.octal(attrs.mode().apply(f.mode(), f.isDir())));
            }
            if (attrs.ownerDiffers(f)) {
                before.put("owner", String.valueOf(f.uid()));
                after.put("owner", attrs.owner());
            }
            if (attrs.groupDiffers(f)) {
                before.put("group", String.valueOf(f.gid()));
                after.put("group", attrs.group());
            }
            return StateDiff.of(before, after);
        }

        private List<FileDiff> stateDiff(String from, String to) {
            return List.of(StateDiff.of(Map.of("path", path, "state", from), Map.of("path", path, "state", to)));
        }

        private Map<String, Object> withPath(FileFacts facts) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("path", path);
            data.putAll(facts.attrs());
            return data;
        }

        private static TaskResult failedWith(String msg, Map<String, Object> data) {
            return TaskResult.failed(msg, data);
        }

        /** "/a/b/c" → ["/a", "/a/b", "/a/b/c"]; relative paths likewise. */
        private static List<String> levels(String path) {
            String p = RemotePaths.stripTrailingSlashes(path);
            List<String> out = new ArrayList<>();
            int i = p.startsWith("/") ? 1 : 0;
            while ((i = p.indexOf('/', i)) > 0) {
                out.add(p.substring(0, i));
                i++;
            }
            out.add(p);
            return out;
        }
    }
}

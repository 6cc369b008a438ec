package dev.jsock.modules;

import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What lineinfile, blockinfile and replace share: read the file as it is (one look), let a pure
 * {@link LineEdits} function decide, then write the result back through {@link ContentDeployer}
 * (atomic, with backup and validate, attributes set before the rename) and word the outcome as
 * those modules do: "line added and ownership, perms or SE linux context changed".
 */
final class InPlaceEditor {
    /** Arguments every in-place editor takes besides its own. */
    static final Set<String> COMMON = Set.of("path", "dest", "destfile", "name", "owner", "group", "mode", "validate",
            "backup", "unsafe_writes");

    private static final String ATTRS_CHANGED = "ownership, perms or SE linux context changed";

    /** The file before the edit. {@code text} is null when it does not exist; {@code user}/{@code group}/{@code umask} then say how a new one would be made. */
    record Current(String realPath, String text, String user, String group, int umask, int uid, int gid) {
        boolean exists() {
            return text != null;
        }
    }

    private final ModuleContext ctx;
    private final Remote remote;

    InPlaceEditor(ModuleContext ctx) {
        this.ctx = ctx;
        this.remote = new Remote(ctx);
    }

    /** The path argument under any of its names (path, dest, destfile, name). */
    static String path(ModuleArgs a) {
        for (String k : List.of("path", "dest", "destfile", "name")) if (a.has(k)) return a.str(k);
        throw new ModuleArgs.BadArgument("missing required arguments: path");
    }

    /** The file as it is; a directory, an unreadable or non-UTF-8 file is a {@link ReadFailure}. */
    Current read(String path) throws UnreachableException {
        String p = ShellQuote.quote(path);
        CommandResult r = remote.look("p=" + p + "; if [ -d \"$p\" ]; then echo dir; elif [ -e \"$p\" ]; then echo file; "
                + "readlink -f -- \"$p\"; cat -- \"$p\"; else echo absent; id -un; id -gn; umask; id -u; id -g; fi");
        if (!r.ok()) throw new ReadFailure(r.stderr().strip());
        String out = r.stdout();
        int nl = out.indexOf('\n');
        String kind = nl < 0 ? out : out.substring(0, nl);
        String rest = nl < 0 ? "" : out.substring(nl + 1);
        if (kind.equals("dir")) throw new ReadFailure("Path " + path + " is a directory !", Map.of("rc", 256));
        if (kind.equals("file")) {
            int end = rest.indexOf('\n');
            String text = rest.substring(end + 1);
            // the connection decodes output as UTF-8; rewriting what it could not decode would lose bytes
            if (text.indexOf('\uFFFD') >= 0) throw new ReadFailure("jsock: " + path + " is not UTF-8 text; it was left as it is");
            return new Current(rest.substring(0, end), text, null, null, 022, -1, -1);
        }
        String[] who = rest.split("\n");
        if (who.length < 5) throw new ReadFailure("jsock: unexpected answer looking at " + path + ": " + rest.strip());
        return new Current(path, null, who[0], who[1], Integer.parseInt(who[2].strip(), 8),
                Integer.parseInt(who[3].strip()), Integer.parseInt(who[4].strip()));
    }

    /** A file the editor cannot read or should not rewrite; the message (and data) are the task's failure. */
    static final class ReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, Object> data;

        ReadFailure(String message) {
            this(message, Map.of());
        }

        ReadFailure(String message, Map<String, Object> data) {
            super(message);
            this.data = data;
        }

        Map<String, Object> data() {
            return data;
        }
    }

    /** How each module words its result: lineinfile always returns "backup" ("" when none); replace's content diff names the bare path. */
    enum Flavour {
        LINEINFILE("backup", " (content)"), BLOCKINFILE("backup_file", " (content)"), REPLACE("backup_file", "");

        final String backupKey;
        final String diffSuffix;

        Flavour(String backupKey, String diffSuffix) {
            this.backupKey = backupKey;
            this.diffSuffix = diffSuffix;
        }
    }

    /**
     * Writes {@code edit} when it changed the text (nothing in check mode), then brings owner, group
     * and mode to what the task asks, and reports both in one message.
     */
    TaskResult finish(String path, Current cur, LineEdits.Edit edit, ModuleArgs a, Flavour flavour, Map<String, Object> extra)
            throws UnreachableException {
        FileAttrs attrs = FileAttrs.from(a);
        List<FileDiff> diffs = ctx.diff() && edit.changed()
                ? List.of(new FileDiff(path + flavour.diffSuffix, cur.exists() ? cur.text() : "", edit.text())) : List.of();
        Map<String, Object> data = new LinkedHashMap<>(extra);
        if (flavour == Flavour.LINEINFILE) data.put("backup", "");
        String msg = edit.msg();
        boolean changed = edit.changed();
        String dest = cur.exists() ? cur.realPath() : path;
        boolean attrsWanted = attrs.owner() != null || attrs.group() != null || attrs.mode() != null;
        FileFacts before = attrsWanted ? factsBefore(cur, dest) : null;
        if (ctx.check()) {
            if (attrsWanted && attrs.differs(before)) {
                msg = joined(msg, changed);
                changed = true;
            }
            return new TaskResult(changed ? TaskResult.Status.CHANGED : TaskResult.Status.OK, msg, withMsg(data, msg), diffs);
        }
        if (!changed && !attrsWanted) return new TaskResult(TaskResult.Status.OK, msg, withMsg(data, msg), diffs);
        boolean attrsChanged = attrsWanted && attrs.differs(before);
        byte[] bytes = edit.text().getBytes(StandardCharsets.UTF_8);
        ContentDeployer.Request req = new ContentDeployer.Request(dest, bytes, attrs, a.str("validate"), true, null,
                a.bool("backup", false), true, true, null);
        TaskResult written = new ContentDeployer(ctx).deploy(req);
        if (written.failed()) return TaskResult.failed(written.msg(), Map.of());
        Object backup = written.data().get("backup_file");
        if (backup != null) data.put(flavour.backupKey, backup);
        if (attrsChanged) {
            msg = joined(msg, changed);
            changed = true;
            if (ctx.diff()) diffs = List.of(diffs.isEmpty() ? null : diffs.get(0), attrsDiff(path, before, attrs, written.data()))
                    .stream().filter(java.util.Objects::nonNull).toList();
        }
        return new TaskResult(changed ? TaskResult.Status.CHANGED : TaskResult.Status.OK, msg, withMsg(data, msg), diffs);
    }

    private static String joined(String msg, boolean changed) {
        return changed ? msg + " and " + ATTRS_CHANGED : ATTRS_CHANGED;
    }

    private static Map<String, Object> withMsg(Map<String, Object> data, String msg) {
        Map<String, Object> m = new LinkedHashMap<>(data);
        m.put("msg", msg);
        return m;
    }

    /** The file's owner, group and mode before the task; for a new file, what writing it makes (the writer's, 0666 less the umask). */
    private FileFacts factsBefore(Current cur, String dest) throws UnreachableException {
        if (cur.exists()) return ctx.files().lookup(remote, ctx.become(), dest).facts();
        return new FileFacts(true, "file", 0666 & ~cur.umask(), cur.uid(), cur.gid(), cur.user(), cur.group(), 0, 0, null, null);
    }

    /** Ansible's "(file attributes)" diff: the owner and group as ids, the mode as text, only what changed. */
    private static FileDiff attrsDiff(String path, FileFacts before, FileAttrs attrs, Map<String, Object> after) {
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        if (attrs.ownerDiffers(before)) {
            b.put("owner", before.uid());
            a.put("owner", after.get("uid"));
        }
        if (attrs.groupDiffers(before)) {
            b.put("group", before.gid());
            a.put("group", after.get("gid"));
        }
        if (attrs.modeDiffers(before)) {
            b.put("mode", before.modeString());
            a.put("mode", after.get("mode"));
        }
        return StateDiff.labelled(path + " (file attributes)", b, a);
    }
}

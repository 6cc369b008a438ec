package dev.jsock.modules;

import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts bytes at a remote path the way Ansible's copy does (template ends in the same place): one
 * command gathers the destination's facts, the checksum decides, and one command writes atomically
 * with owner/mode set before the rename — or only fixes attributes when the content already matches.
 */
final class ContentDeployer {
    /** Ansible's default max_diff_size. */
    static final int MAX_DIFF_BYTES = 104448;

    /**
     * What to write. {@code dirBasename} names the file when dest is a directory; null means that is
     * an error. {@code backup} keeps a copy of a file about to be replaced (Ansible's NAME.PID.DATE@TIME~);
     * {@code createParents} makes a missing parent directory (lineinfile's create); {@code editWording}
     * words a validate failure as the line-editing modules do.
     */
    record Request(String dest, byte[] content, FileAttrs attrs, String validate, boolean force, String dirBasename,
                   boolean backup, boolean createParents, boolean editWording, RemoteFile remoteSource) {
        Request(String dest, byte[] content, FileAttrs attrs, String validate, boolean force, String dirBasename, boolean backup) {
            this(dest, content, attrs, validate, force, dirBasename, backup, false, false, null);
        }

        String sha1() {
            return remoteSource != null ? remoteSource.sha1() : Checksums.sha1(content);
        }

        long size() {
            return remoteSource != null ? remoteSource.size() : content.length;
        }
    }

    /** copy's remote_src: the bytes are a file on the host itself, known by its checksum and size. */
    record RemoteFile(String path, String sha1, long size) {}

    private final ModuleContext ctx;
    private final Remote remote;

    ContentDeployer(ModuleContext ctx) {
        this.ctx = ctx;
        this.remote = new Remote(ctx);
    }

    TaskResult deploy(Request req) throws UnreachableException {
        List<String> validate = validateArgv(req.validate());
        String sha1 = req.sha1();
        String dest = req.dest();
        Probe probe = probe(dest);
        boolean makeDir = false;
        if (probe.facts.isDir() || dest.endsWith("/")) {
            if (req.dirBasename() == null) return TaskResult.failed("can not use content with a dir as dest", Map.of());
            // "dir/" that does not exist yet is created, as Ansible's copy does.
            makeDir = !probe.facts.exists();
            dest = RemotePaths.join(dest, req.dirBasename());
            probe = makeDir ? new Probe(FileFacts.ABSENT, true, probe.umask) : probe(dest);
        }
        FileFacts facts = probe.facts;
        if (!probe.parentExists && ctx.check()) {
            // In check mode an earlier task may only have pretended to create the directory; Ansible reports a change.
            return TaskResult.changed(Map.of(), ctx.diff() && req.remoteSource() == null
                    ? List.of(new FileDiff(dest, null, new String(req.content(), StandardCharsets.UTF_8))) : List.of());
        }
        if (!probe.parentExists && req.createParents()) {
            makeDir = true;
        } else if (!probe.parentExists) {
            return TaskResult.failed("Destination directory " + RemotePaths.parent(dest) + " does not exist", Map.of("checksum", sha1));
        }
        if (facts.exists() && !req.force()) return TaskResult.ok(okData(dest, sha1, facts));
        boolean contentChanged = !facts.exists() || !sha1.equals(facts.sha1());
        if (!contentChanged) return fixAttributes(dest, sha1, facts, req.attrs());

        List<FileDiff> diffs = ctx.diff() && req.remoteSource() == null ? diff(dest, facts, req.content()) : List.of();
        if (ctx.check()) return TaskResult.changed(Map.of(), diffs);
        return write(dest, sha1, facts, probe.umask, req, validate, diffs, makeDir);
    }

    private List<String> validateArgv(String validate) {
        if (validate == null) return null;
        if (!validate.contains("%s")) throw new ModuleArgs.BadArgument("validate must contain %s: " + validate);
        return Shlex.split(validate);
    }

    private TaskResult write(String dest, String sha1, FileFacts facts, int umask, Request req, List<String> validate,
                             List<FileDiff> diffs, boolean makeDir) throws UnreachableException {
        String tmp = AtomicWrite.tempPath(dest);
        FileAttrs attrs = req.attrs();
        int base = facts.exists() ? facts.mode() & 07777 : 0666 & ~umask;
        int mode = attrs.mode() == null ? base : attrs.mode().apply(base, false);
        String chown = null;
        boolean strict = attrs.owner() != null || attrs.group() != null;
        if (strict) {
            String o = attrs.owner() != null ? attrs.owner() : facts.exists() ? String.valueOf(facts.uid()) : "";
            String g = attrs.group() != null ? attrs.group() : facts.exists() ? String.valueOf(facts.gid()) : "";
            chown = g.isEmpty() ? o : o + ":" + g;
        } else if (facts.exists()) {
            chown = facts.uid() + ":" + facts.gid();
        }
        List<String> validateCmd = validate == null ? null : validate.stream().map(w -> w.replace("%s", tmp)).toList();
        String mkdir = makeDir ? "mkdir -p -- " + ShellQuote.quote(RemotePaths.parent(dest)) + " || exit; " : "";
        boolean backup = req.backup() && facts.exists();
        CommandResult r = remote.changeThenLook(mkdir + AtomicWrite.command(dest, tmp, chown, strict, mode, validateCmd,
                req.size(), backup, req.remoteSource() == null ? null : req.remoteSource().path()),
                req.remoteSource() == null ? req.content() : null);
        if (!r.ok()) return writeFailure(r, attrs, sha1, req.editWording());
        FileFacts after = FileFacts.parse(r.stdout());
        Map<String, Object> data = new LinkedHashMap<>();
        if (backup) data.put("backup_file", AtomicWrite.backupFile(r.stdout()));
        data.put("checksum", sha1);
        data.put("dest", dest);
        data.putAll(after.attrs());
        if (req.remoteSource() == null) data.put("md5sum", Checksums.md5(req.content()));
        return TaskResult.changed(data, diffs);
    }

    private TaskResult writeFailure(CommandResult r, FileAttrs attrs, String sha1, boolean editWording) {
        String step = AtomicWrite.failedStep(r.stderr());
        String err = AtomicWrite.cleanStderr(r.stderr());
        Map<String, Object> data = new LinkedHashMap<>();
        if (!editWording) data.put("checksum", sha1);
        String msg = switch (step) {
            case "validate" -> {
                if (editWording) yield "failed to validate: rc:" + r.exitCode() + " error:" + err;
                data.put("exit_status", r.exitCode());
                data.put("stdout", r.stdout());
                data.put("stderr", err);
                yield "failed to validate";
            }
            case "chown" -> attrs.chownFailure(err);
            case "upload" -> "Could not write the temp file in the destination directory: " + err.strip();
            default -> "failed to " + (step.isEmpty() ? "write file" : step) + ": " + err.strip();
        };
        return TaskResult.failed(msg, data);
    }

    private TaskResult fixAttributes(String dest, String sha1, FileFacts facts, FileAttrs attrs) throws UnreachableException {
        List<String> fixes = attrs.fixCommands(dest, facts, false);
        if (fixes.isEmpty()) return TaskResult.ok(okData(dest, sha1, facts));
        if (ctx.check()) return TaskResult.changed(okData(dest, sha1, facts), List.of());
        CommandResult r = remote.changeThenLook(String.join(" && ", fixes) + " && " + FileFacts.command(dest), null);
        if (!r.ok()) return TaskResult.failed(attrs.chownFailure(r.stderr()), okData(dest, sha1, facts));
        return TaskResult.changed(okData(dest, sha1, FileFacts.parse(r.stdout())), List.of());
    }

    private static Map<String, Object> okData(String dest, String sha1, FileFacts facts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("checksum", sha1);
        data.put("dest", dest);
        data.put("path", dest);
        data.putAll(facts.attrs());
        return data;
    }

    private List<FileDiff> diff(String dest, FileFacts facts, byte[] content) throws UnreachableException {
        if (content.length > MAX_DIFF_BYTES || isBinary(content)) return List.of();
        String after = new String(content, StandardCharsets.UTF_8);
        if (!facts.exists()) return List.of(new FileDiff(dest, null, after));
        if (!facts.isReg() || facts.size() > MAX_DIFF_BYTES) return List.of();
        CommandResult r = remote.run("cat -- " + ShellQuote.quote(dest));
        if (!r.ok() || r.stdout().indexOf('\0') >= 0) return List.of();
        return List.of(new FileDiff(dest, r.stdout(), after));
    }

    static boolean isBinary(byte[] b) {
        for (byte x : b) if (x == 0) return true;
        return false;
    }

    private record Probe(FileFacts facts, boolean parentExists, int umask) {}

    private Probe probe(String dest) throws UnreachableException {
        RemoteFileCache.Entry e = ctx.files().lookup(remote, ctx.become(), dest);
        return new Probe(e.facts(), e.parentExists(), ctx.files().umask());
    }
}

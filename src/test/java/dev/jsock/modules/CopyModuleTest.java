package dev.jsock.modules;

import static dev.jsock.modules.Ctx.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyModuleTest {
    @TempDir
    Path dir;

    private final CopyModule copy = new CopyModule();

    private Ctx ctx() {
        return new Ctx(dir);
    }

    private String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void writesContentThenReportsOkOnSecondRun() throws Exception {
        Path dest = dir.resolve("a.conf");
        TaskResult first = ctx().run(copy, args("content", "hello\n", "dest", dest.toString(), "mode", "0640"));
        assertThat(first.status()).isEqualTo(TaskResult.Status.CHANGED);
        assertThat(Files.readString(dest)).isEqualTo("hello\n");
        assertThat(perms(dest)).isEqualTo("rw-r-----");
        assertThat(first.data()).containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f")
                .containsEntry("mode", "0640").containsEntry("state", "file").containsEntry("dest", dest.toString());

        TaskResult second = ctx().run(copy, args("content", "hello\n", "dest", dest.toString(), "mode", "0640"));
        assertThat(second.status()).isEqualTo(TaskResult.Status.OK);
        assertThat(second.data()).containsEntry("path", dest.toString());
    }

    @Test
    void modeGivenAsYamlIntegerIsUsedAsIs() throws Exception {
        Path dest = dir.resolve("m");
        ctx().run(copy, args("content", "x", "dest", dest.toString(), "mode", 0600));
        assertThat(perms(dest)).isEqualTo("rw-------");
    }

    @Test
    void symbolicModeIsApplied() throws Exception {
        Path dest = dir.resolve("s");
        ctx().run(copy, args("content", "x", "dest", dest.toString(), "mode", "u=rw,g=r,o="));
        assertThat(perms(dest)).isEqualTo("rw-r-----");
    }

    @Test
    void fixesOnlyTheModeWhenContentMatches() throws Exception {
        Path dest = dir.resolve("f");
        Files.writeString(dest, "same");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-rw-rw-"));
        TaskResult r = ctx().run(copy, args("content", "same", "dest", dest.toString(), "mode", "0600"));
        assertThat(r.changed()).isTrue();
        assertThat(perms(dest)).isEqualTo("rw-------");
    }

    @Test
    void keepsModeOfExistingFileWhenNoneIsGiven() throws Exception {
        Path dest = dir.resolve("keep");
        Files.writeString(dest, "old");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxr-x---"));
        ctx().run(copy, args("content", "new", "dest", dest.toString()));
        assertThat(Files.readString(dest)).isEqualTo("new");
        assertThat(perms(dest)).isEqualTo("rwxr-x---");
    }

    @Test
    void checkModeReportsChangeButWritesNothing() {
        Path dest = dir.resolve("c");
        TaskResult r = ctx().check().run(copy, args("content", "x", "dest", dest.toString()));
        assertThat(r.changed()).isTrue();
        assertThat(dest).doesNotExist();
    }

    @Test
    void diffShowsCurrentAndNewContent() throws Exception {
        Path dest = dir.resolve("d");
        Files.writeString(dest, "old\n");
        TaskResult r = ctx().diff().check().run(copy, args("content", "new\n", "dest", dest.toString()));
        assertThat(r.diffs()).containsExactly(new FileDiff(dest.toString(), "old\n", "new\n"));
        assertThat(Files.readString(dest)).isEqualTo("old\n");
    }

    @Test
    void diffOfNewFileHasNoBefore() {
        Path dest = dir.resolve("n");
        TaskResult r = ctx().diff().run(copy, args("content", "new\n", "dest", dest.toString()));
        assertThat(r.diffs()).containsExactly(new FileDiff(dest.toString(), null, "new\n"));
    }

    @Test
    void failingValidateLeavesOldFileAndNoTempFile() throws Exception {
        Path dest = dir.resolve("v.conf");
        Files.writeString(dest, "old");
        TaskResult r = ctx().run(copy, args("content", "new", "dest", dest.toString(), "validate", "grep -q old %s"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg()).isEqualTo("failed to validate");
        assertThat(r.data()).containsEntry("exit_status", 1);
        assertThat(Files.readString(dest)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("v.conf");
        }
    }

    @Test
    void validateSeesTheNewContent() throws Exception {
        Path dest = dir.resolve("ok.conf");
        TaskResult r = ctx().run(copy, args("content", "good", "dest", dest.toString(), "validate", "grep -q good %s"));
        assertThat(r.changed()).isTrue();
        assertThat(Files.readString(dest)).isEqualTo("good");
    }

    @Test
    void validateWithoutPlaceholderIsRejected() {
        TaskResult r = ctx().run(copy, args("content", "x", "dest", dir.resolve("q").toString(), "validate", "true"));
        assertThat(r.msg()).isEqualTo("validate must contain %s: true");
    }

    @Test
    void missingParentDirectoryFailsWithAnsiblesMessage() {
        Path dest = dir.resolve("nodir/f");
        TaskResult r = ctx().run(copy, args("content", "x", "dest", dest.toString()));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg()).isEqualTo("Destination directory " + dir.resolve("nodir") + " does not exist");
    }

    @Test
    void rejectsUnknownParameterLikeAnsible() {
        TaskResult r = ctx().run(copy, args("content", "x", "dest", "/tmp/x", "foo", 1));
        assertThat(r.msg()).startsWith("Unsupported parameters for (copy) module: foo. Supported parameters include: backup, content, dest");
    }

    @Test
    void requiresContentOrSrc() {
        assertThat(ctx().run(copy, args("dest", "/tmp/x")).msg()).isEqualTo("src (or content) is required");
        assertThat(ctx().run(copy, args("content", "x")).msg()).isEqualTo("dest is required");
    }

    @Test
    void copiesSrcIntoDirectoryUnderItsOwnName() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/app.ini"), "a=1\n");
        Path target = Files.createDirectories(dir.resolve("etc"));
        TaskResult r = ctx().run(copy, args("src", "app.ini", "dest", target + "/"));
        assertThat(r.changed()).isTrue();
        assertThat(Files.readString(target.resolve("app.ini"))).isEqualTo("a=1\n");
    }

    @Test
    void contentWithDirectoryDestIsAnError() {
        TaskResult r = ctx().run(copy, args("content", "x", "dest", dir + "/"));
        assertThat(r.msg()).isEqualTo("can not use content with a dir as dest");
    }

    @Test
    void shellMetacharactersInContentAndPathNeverRun() throws Exception {
        Path pwned = dir.resolve("pwned");
        String evil = "$(touch " + pwned + ")`touch " + pwned + "`'; touch " + pwned + "; '";
        Path dest = dir.resolve("x " + evil.replace("/", "_"));
        TaskResult r = ctx().run(copy, args("content", evil, "dest", dest.toString(), "validate", "test -f %s"));
        assertThat(r.changed()).isTrue();
        assertThat(Files.readString(dest)).isEqualTo(evil);
        assertThat(pwned).doesNotExist();
    }

    @Test
    void ownerNameIsQuotedAndUnknownOwnerFailsCleanly() throws Exception {
        Path pwned = dir.resolve("pwned");
        Path dest = dir.resolve("o");
        Files.writeString(dest, "old");
        TaskResult r = ctx().run(copy, args("content", "new", "dest", dest.toString(), "owner", "$(touch " + pwned + ")"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg()).startsWith("chown failed: failed to look up user");
        assertThat(pwned).doesNotExist();
        assertThat(Files.readString(dest)).isEqualTo("old");
    }

    @Test
    void backupKeepsTheReplacedFileUnderAnsiblesNameAndOnlyWhenTheContentChanges() throws Exception {
        Path dest = dir.resolve("b.conf");
        ctx().run(copy, args("content", "old\n", "dest", dest.toString(), "backup", true));
        assertThat(ctx().run(copy, args("content", "old\n", "dest", dest.toString(), "backup", true)).data()).doesNotContainKey("backup_file");
        TaskResult replaced = ctx().run(copy, args("content", "new\n", "dest", dest.toString(), "backup", true));
        String backup = (String) replaced.data().get("backup_file");
        assertThat(backup).matches(java.util.regex.Pattern.quote(dest.toString()) + "\\.\\d+\\.\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d~");
        assertThat(Files.readString(Path.of(backup))).isEqualTo("old\n");
        assertThat(Files.readString(dest)).isEqualTo("new\n");
    }

    @Test
    void aDirectoryWithATrailingSlashCopiesWhatIsInItAndWithoutOneItself() throws Exception {
        Files.createDirectories(dir.resolve("files/conf.d/sub"));
        Files.writeString(dir.resolve("files/conf.d/a.conf"), "a\n");
        Files.writeString(dir.resolve("files/conf.d/sub/b.conf"), "b\n");
        Path out = dir.resolve("out");
        TaskResult contents = ctx().run(copy, args("src", "conf.d/", "dest", out.resolve("contents").toString(), "directory_mode", "0750"));
        assertThat(contents.status()).isEqualTo(TaskResult.Status.CHANGED);
        assertThat(out.resolve("contents/sub/b.conf")).hasContent("b");
        assertThat(perms(out.resolve("contents/sub"))).isEqualTo("rwxr-x---");
        assertThat(contents.data()).containsEntry("dest", out.resolve("contents") + "/");
        ctx().run(copy, args("src", "conf.d", "dest", out.resolve("itself").toString()));
        assertThat(out.resolve("itself/conf.d/a.conf")).hasContent("a");
        assertThat(ctx().run(copy, args("src", "conf.d/", "dest", out.resolve("contents").toString(), "directory_mode", "0750")).status())
                .isEqualTo(TaskResult.Status.OK);
    }

    @Test
    void remoteSrcCopiesAFileOnTheHostAndPreserveKeepsItsMode() throws Exception {
        Path src = dir.resolve("src.sh");
        Files.writeString(src, "#!/bin/sh\n");
        Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rwxr-x---"));
        Path dest = dir.resolve("copy.sh");
        TaskResult r = ctx().run(copy, args("src", src.toString(), "dest", dest.toString(), "remote_src", true, "mode", "preserve"));
        assertThat(r.status()).isEqualTo(TaskResult.Status.CHANGED);
        assertThat(dest).hasContent("#!/bin/sh");
        assertThat(perms(dest)).isEqualTo("rwxr-x---");
        assertThat(r.data()).containsEntry("md5sum", "3e2b31c72181b87149ff995e7202c0e3").containsEntry("src", src.toString());
        assertThat(ctx().run(copy, args("src", src.toString(), "dest", dest.toString(), "remote_src", true)).status()).isEqualTo(TaskResult.Status.OK);
        assertThat(ctx().run(copy, args("src", dir.resolve("none").toString(), "dest", dest.toString(), "remote_src", true)).msg())
                .isEqualTo("Source " + dir.resolve("none") + " not found");
    }
}

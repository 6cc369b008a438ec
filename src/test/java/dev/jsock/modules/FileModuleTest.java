package dev.jsock.modules;

import static dev.jsock.modules.Ctx.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModuleTest {
    @TempDir
    Path dir;

    private final FileModule file = new FileModule();

    @Test
    void createsDirectoryWithParentsThenIsOk() throws Exception {
        Path d = dir.resolve("a/b/c");
        TaskResult first = new Ctx(dir).run(file, args("path", d.toString(), "state", "directory", "mode", "0750"));
        assertThat(first.changed()).isTrue();
        assertThat(first.data()).containsEntry("state", "directory").containsEntry("mode", "0750");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d))).isEqualTo("rwxr-x---");
        TaskResult second = new Ctx(dir).run(file, args("path", d.toString(), "state", "directory", "mode", "0750"));
        assertThat(second.status()).isEqualTo(TaskResult.Status.OK);
    }

    @Test
    void checkModeShowsStateDiffAndCreatesNothing() {
        Path d = dir.resolve("d");
        TaskResult r = new Ctx(dir).check().diff().run(file, args("path", d.toString(), "state", "directory"));
        assertThat(r.changed()).isTrue();
        assertThat(d).doesNotExist();
        assertThat(r.diffs()).containsExactly(new FileDiff(null,
                "{\n    \"path\": \"" + d + "\",\n    \"state\": \"absent\"\n}\n",
                "{\n    \"path\": \"" + d + "\",\n    \"state\": \"directory\"\n}\n"));
    }

    @Test
    void absentRemovesThenIsOk() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        assertThat(new Ctx(dir).run(file, args("path", f.toString(), "state", "absent")).changed()).isTrue();
        assertThat(f).doesNotExist();
        TaskResult again = new Ctx(dir).run(file, args("path", f.toString(), "state", "absent"));
        assertThat(again.status()).isEqualTo(TaskResult.Status.OK);
        assertThat(again.data()).containsEntry("state", "absent");
    }

    @Test
    void linkPointsAtSrcAndIsIdempotent() throws Exception {
        Path l = dir.resolve("l");
        assertThat(new Ctx(dir).run(file, args("path", l.toString(), "state", "link", "src", "/etc/hostname")).changed()).isTrue();
        assertThat(Files.readSymbolicLink(l).toString()).isEqualTo("/etc/hostname");
        assertThat(new Ctx(dir).run(file, args("path", l.toString(), "state", "link", "src", "/etc/hostname")).changed()).isFalse();
    }

    @Test
    void refusesToTurnAFileIntoALink() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        TaskResult r = new Ctx(dir).run(file, args("path", f.toString(), "state", "link", "src", "/etc/hostname"));
        assertThat(r.msg()).isEqualTo("refusing to convert from file to symlink for " + f);
    }

    @Test
    void fileStateOnMissingPathFails() {
        Path f = dir.resolve("nx");
        assertThat(new Ctx(dir).run(file, args("path", f.toString())).msg()).isEqualTo("file (" + f + ") is absent, cannot continue");
    }

    @Test
    void touchCreatesFileWithMode() throws Exception {
        Path f = dir.resolve("t");
        TaskResult r = new Ctx(dir).run(file, args("path", f.toString(), "state", "touch", "mode", "0600"));
        assertThat(r.changed()).isTrue();
        assertThat(r.data()).containsEntry("dest", f.toString()).containsEntry("mode", "0600");
    }

    @Test
    void modeChangeShowsModeDiff() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "x");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        TaskResult r = new Ctx(dir).diff().run(file, args("path", f.toString(), "mode", "0600"));
        assertThat(r.changed()).isTrue();
        assertThat(r.diffs().get(0).before()).contains("\"mode\": \"0644\"");
        assertThat(r.diffs().get(0).after()).contains("\"mode\": \"0600\"");
    }

    @Test
    void hostilePathIsTakenLiterally() {
        Path pwned = dir.resolve("pwned");
        Path d = dir.resolve("$(touch " + pwned.toString().replace('/', '_') + ")';touch pwned;'");
        TaskResult r = new Ctx(dir).run(file, args("path", d.toString(), "state", "directory"));
        assertThat(r.changed()).isTrue();
        assertThat(Files.isDirectory(d)).isTrue();
        assertThat(pwned).doesNotExist();
        assertThat(Path.of("pwned")).doesNotExist();
    }

    @Test
    void badStateNamesTheChoices() {
        assertThat(new Ctx(dir).run(file, args("path", "/tmp", "state", "bogus")).msg())
                .isEqualTo("value of state must be one of: absent, directory, file, hard, link, touch, got: bogus");
    }
}

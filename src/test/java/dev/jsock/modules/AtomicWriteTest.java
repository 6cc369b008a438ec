package dev.jsock.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.transport.Become;
import dev.jsock.transport.LocalConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void theTempFileIsCreatedPrivateAndNeverOverwritesAnExistingOne() throws Exception {
        String dest = dir.resolve("unit.service").toString();
        String tmp = AtomicWrite.tempPath(dest);
        assertThat(Path.of(tmp).getParent()).isEqualTo(dir);
        assertThat(Path.of(tmp).getFileName().toString()).startsWith(".unit.service.jsock-tmp-");
        // run only the upload step of the real script and look at the file it leaves
        String script = AtomicWrite.command(dest, tmp, null, false, 0644, null, 5);
        String upload = script.substring(0, script.indexOf("[ \"$(wc -c")) + "exit 0";
        LocalConnection c = new LocalConnection("local");
        assertThat(c.exec(upload, "hello".getBytes(StandardCharsets.UTF_8), Become.NONE).exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(tmp)))).isEqualTo("rw-------");
        // noclobber: an upload to a name that already exists (planted by someone else) fails
        assertThat(c.exec(upload, "again".getBytes(StandardCharsets.UTF_8), Become.NONE).exitCode()).isNotZero();
    }

    @Test
    void aTruncatedUploadIsRemovedAndNeverRenamed() throws Exception {
        Path dest = dir.resolve("f.conf");
        Files.writeString(dest, "old");
        String tmp = AtomicWrite.tempPath(dest.toString());
        String script = AtomicWrite.command(dest.toString(), tmp, null, false, 0644, null, 100);
        LocalConnection c = new LocalConnection("local");
        assertThat(c.exec(script, "short".getBytes(StandardCharsets.UTF_8), Become.NONE).exitCode()).isNotZero();
        assertThat(Files.readString(dest)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("f.conf"));
        }
    }
}

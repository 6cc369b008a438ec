package dev.jsock.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.transport.LocalConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFactsBatchTest {
    @TempDir
    Path dir;

    private FileFactsBatch.Result look(List<String> paths) throws Exception {
        String out = new LocalConnection("localhost").exec(FileFactsBatch.command(paths), null, dev.jsock.transport.Become.NONE).stdout();
        return FileFactsBatch.parse(out, paths);
    }

    @Test
    void describesFilesDirectoriesAndAbsentPathsWithChecksumsAndParents() throws Exception {
        Path f = Files.writeString(dir.resolve("unit.service"), "[Service]\n");
        List<String> paths = List.of(f.toString(), dir.toString(), dir.resolve("nope/x").toString());

        FileFactsBatch.Result r = look(paths);

        assertThat(r.umask()).isNotNull();
        assertThat(r.seen()).containsOnlyKeys(paths);
        FileFactsBatch.Seen file = r.seen().get(f.toString());
        assertThat(file.facts().isReg()).isTrue();
        assertThat(file.facts().sha1()).isEqualTo(Checksums.sha1("[Service]\n".getBytes()));
        assertThat(file.facts().modeString()).isEqualTo(String.format("%04o", Files.getPosixFilePermissions(f).stream()
                .mapToInt(p -> 1 << (8 - p.ordinal())).sum()));
        assertThat(file.parentExists()).isTrue();
        assertThat(r.seen().get(dir.toString()).facts().isDir()).isTrue();
        assertThat(r.seen().get(dir.resolve("nope/x").toString()).facts().exists()).isFalse();
        assertThat(r.seen().get(dir.resolve("nope/x").toString()).parentExists()).isFalse();
    }

    @Test
    void namesWithNewlinesQuotesAndDollarsAreFramedExactly() throws Exception {
        Path odd = Files.writeString(dir.resolve("a\nb 'c' $(touch pwned)"), "x");
        Path plain = Files.writeString(dir.resolve("b"), "y");

        FileFactsBatch.Result r = look(List.of(odd.toString(), plain.toString()));

        assertThat(r.seen().get(odd.toString()).facts().sha1()).isEqualTo(Checksums.sha1("x".getBytes()));
        assertThat(r.seen().get(plain.toString()).facts().sha1()).isEqualTo(Checksums.sha1("y".getBytes()));
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void linksAreLeftForAOneByOneLookAndFifosAreNeverRead() throws Exception {
        Path target = Files.writeString(dir.resolve("t"), "t");
        Path link = Files.createSymbolicLink(dir.resolve("l"), target);
        Path fifo = dir.resolve("fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

        FileFactsBatch.Result r = look(List.of(link.toString(), fifo.toString(), target.toString()));

        assertThat(r.seen()).doesNotContainKey(link.toString());
        assertThat(r.seen().get(fifo.toString()).facts().type()).isEqualTo("fifo");
        assertThat(r.seen().get(target.toString()).facts().isReg()).isTrue();
    }

    @Test
    void outputThatStopsEarlyDescribesNothing() {
        String cut = "@@umask\u00000022\n\u0000@@stat\u0000/etc/x\u0000regular file|644|0|0|root|root|1|1\u0000";
        assertThat(FileFactsBatch.parse(cut, List.of("/etc/x")).seen()).isEmpty();
    }
}

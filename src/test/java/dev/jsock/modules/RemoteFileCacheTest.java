package dev.jsock.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.transport.Become;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteFileCacheTest {
    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000);

    private Remote remote() {
        return new Remote(new Ctx(dir).context(Map.of()));
    }

    @Test
    void aMissLooksAtThePredictedPathsInTheSameCommand() throws Exception {
        Files.writeString(dir.resolve("a"), "alpha\n");
        Files.createDirectory(dir.resolve("d"));
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        cache.lookahead(() -> List.of(dir.resolve("d").toString(), dir.resolve("missing/x").toString()));

        RemoteFileCache.Entry a = cache.lookup(remote(), Become.NONE, dir.resolve("a").toString());
        RemoteFileCache.Entry d = cache.lookup(remote(), Become.NONE, dir.resolve("d").toString());
        RemoteFileCache.Entry x = cache.lookup(remote(), Become.NONE, dir.resolve("missing/x").toString());

        assertThat(cache.commands()).isEqualTo(1);
        assertThat(a.facts().isReg()).isTrue();
        assertThat(a.facts().sha1()).isEqualTo(Checksums.sha1("alpha\n".getBytes()));
        assertThat(a.parentExists()).isTrue();
        assertThat(d.facts().isDir()).isTrue();
        assertThat(x.facts().exists()).isFalse();
        assertThat(x.parentExists()).isFalse();
        assertThat(cache.umask()).isBetween(0, 0777);
    }

    @Test
    void aChangeLooksAtTheComingPathsInItsOwnCommandAndTheTaskKeepsWhatItSaw() throws Exception {
        Path made = dir.resolve("made");
        Path next = dir.resolve("next");
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        cache.lookahead(() -> List.of(made.toString(), next.toString()));
        Remote remote = new Remote(new Ctx(dir).context(Map.of(), cache));

        var r = remote.changeThenLook("printf 'out'; touch " + made + "; exit 3", null);
        cache.clearAfterTask();

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out");
        assertThat(cache.lookup(remote, Become.NONE, made.toString()).facts().isReg()).isTrue();
        assertThat(cache.lookup(remote, Become.NONE, next.toString()).facts().exists()).isFalse();
        assertThat(cache.commands()).as("no look of its own").isZero();
    }

    @Test
    void aLookIsForgottenWhenTheTaskRanAnotherCommandAfterIt() throws Exception {
        Path f = dir.resolve("f");
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        cache.lookahead(() -> List.of(f.toString()));
        Remote remote = new Remote(new Ctx(dir).context(Map.of(), cache));

        remote.changeThenLook("true", null);
        remote.run("echo later > " + f);
        cache.clearAfterTask();

        assertThat(cache.lookup(remote, Become.NONE, f.toString()).facts().isReg()).isTrue();
        assertThat(cache.commands()).isEqualTo(1);
    }

    @Test
    void aCommandThatEndsItsShellKeepsItsOutputAndLeavesNoLook() throws Exception {
        Path f = dir.resolve("f");
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        cache.lookahead(() -> List.of(f.toString()));
        Remote remote = new Remote(new Ctx(dir).context(Map.of(), cache));

        var r = remote.changeThenLook("echo partial; kill -9 $$", null);
        cache.clearAfterTask();
        Files.writeString(f, "x");

        assertThat(r.stdout()).startsWith("partial");
        assertThat(cache.lookup(remote, Become.NONE, f.toString()).facts().isReg()).isTrue();
    }

    @Test
    void afterClearTheHostIsLookedAtAgain() throws Exception {
        Path f = dir.resolve("f");
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        assertThat(cache.lookup(remote(), Become.NONE, f.toString()).facts().exists()).isFalse();
        Files.writeString(f, "now here");
        assertThat(cache.lookup(remote(), Become.NONE, f.toString()).facts().exists()).isFalse();

        cache.clear();

        assertThat(cache.lookup(remote(), Become.NONE, f.toString()).facts().exists()).isTrue();
        assertThat(cache.commands()).isEqualTo(2);
    }

    @Test
    void oldEntriesAreReadAgain() throws Exception {
        Path f = dir.resolve("f");
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        cache.lookup(remote(), Become.NONE, f.toString());
        Files.writeString(f, "appeared later");

        now.addAndGet(RemoteFileCache.MAX_AGE_MILLIS + 1);

        assertThat(cache.lookup(remote(), Become.NONE, f.toString()).facts().exists()).isTrue();
    }

    @Test
    void pathsWithShellCharactersAreDataNotCode() throws Exception {
        Path odd = dir.resolve("it's $(touch pwned) `x` ;a");
        Files.writeString(odd, "x");
        RemoteFileCache cache = RemoteFileCache.none();

        assertThat(cache.lookup(remote(), Become.NONE, odd.toString()).facts().isReg()).isTrue();
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aCacheThatRemembersNothingRunsOneCommandPerLookup() throws Exception {
        RemoteFileCache cache = RemoteFileCache.none();
        cache.lookahead(() -> List.of("/etc/hostname"));
        cache.lookup(remote(), Become.NONE, dir.toString());
        cache.lookup(remote(), Become.NONE, dir.toString());
        assertThat(cache.commands()).isEqualTo(2);
    }

    @Test
    void aBrokenPredictionNeverFailsTheLookup() throws Exception {
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        cache.lookahead(() -> {
            throw new IllegalStateException("undefined variable");
        });
        assertThat(cache.lookup(remote(), Become.NONE, dir.toString()).facts().isDir()).isTrue();
    }

    private RemoteFileCache predicting(List<String> paths, List<String> reads) {
        RemoteFileCache cache = RemoteFileCache.withClock(now::get);
        cache.predict(() -> new RemoteFileCache.Prediction(paths, reads));
        return cache;
    }

    @Test
    void aFileLookAlsoRunsThePredictedReadsAndTheyAreAnsweredFromMemory() throws Exception {
        Files.writeString(dir.resolve("a"), "alpha\n");
        RemoteFileCache cache = predicting(List.of(), List.of("printf 'x\\ny'", "echo out; exit 3"));

        cache.lookup(remote(), Become.NONE, dir.resolve("a").toString());
        var first = cache.read(remote(), Become.NONE, "printf 'x\\ny'");
        var second = cache.read(remote(), Become.NONE, "echo out; exit 3");

        assertThat(cache.commands()).isEqualTo(1);
        assertThat(first.stdout()).isEqualTo("x\ny");
        assertThat(first.exitCode()).isZero();
        assertThat(second.stdout()).isEqualTo("out\n");
        assertThat(second.exitCode()).isEqualTo(3);
    }

    @Test
    void aReadMissLooksAtThePredictedPathsAndReadsInTheSameCommand() throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, "x");
        RemoteFileCache cache = predicting(List.of(f.toString()), List.of("echo b"));

        assertThat(cache.read(remote(), Become.NONE, "echo a").stdout()).isEqualTo("a\n");
        assertThat(cache.read(remote(), Become.NONE, "echo b").stdout()).isEqualTo("b\n");
        assertThat(cache.lookup(remote(), Become.NONE, f.toString()).facts().isReg()).isTrue();
        assertThat(cache.commands()).isEqualTo(1);
    }

    @Test
    void readsAreForgottenOnClearAndWhenOld() throws Exception {
        Path f = dir.resolve("counter");
        Files.writeString(f, "1");
        RemoteFileCache cache = predicting(List.of(), List.of());
        String read = "cat " + f;
        assertThat(cache.read(remote(), Become.NONE, read).stdout()).isEqualTo("1");
        Files.writeString(f, "2");
        assertThat(cache.read(remote(), Become.NONE, read).stdout()).isEqualTo("1");

        cache.clear();
        assertThat(cache.read(remote(), Become.NONE, read).stdout()).isEqualTo("2");

        Files.writeString(f, "3");
        now.addAndGet(RemoteFileCache.MAX_AGE_MILLIS + 1);
        assertThat(cache.read(remote(), Become.NONE, read).stdout()).isEqualTo("3");
    }

    @Test
    void aReadCannotChangeTheShellTheNextOneRunsIn() throws Exception {
        RemoteFileCache cache = predicting(List.of(), List.of("echo ${x:-unset}; pwd"));
        assertThat(cache.read(remote(), Become.NONE, "cd /; x=1; echo $x").stdout()).isEqualTo("1\n");
        assertThat(cache.read(remote(), Become.NONE, "echo ${x:-unset}; pwd").stdout()).doesNotStartWith("1").startsWith("unset\n");
        assertThat(cache.commands()).isEqualTo(1);
    }

    @Test
    void anOutputThatLooksLikeAFrameCannotFakeAnotherReadsResult() throws Exception {
        String forger = "printf '\\n@@jsock-rc-0 0 0\\n@@jsock-read-0 1\\nforged\\n@@jsock-rc-0 1 0\\n'";
        RemoteFileCache cache = predicting(List.of(), List.of("echo honest"));
        assertThat(cache.read(remote(), Become.NONE, forger).stdout()).contains("forged");
        assertThat(cache.read(remote(), Become.NONE, "echo honest").stdout()).isEqualTo("honest\n");
    }

    @Test
    void aCacheThatRemembersNothingRunsEveryRead() throws Exception {
        RemoteFileCache cache = RemoteFileCache.none();
        cache.read(remote(), Become.NONE, "true");
        cache.read(remote(), Become.NONE, "true");
        assertThat(cache.commands()).isEqualTo(2);
    }

    @Test
    void aReadForgottenBeforeAnyTaskUsedItIsNotReadAheadAgain() throws Exception {
        Path f = dir.resolve("f");
        RemoteFileCache cache = predicting(List.of(f.toString()), List.of("echo ahead"));
        cache.lookup(remote(), Become.NONE, f.toString());   // reads "echo ahead" along
        cache.clear();                                          // a write came before its task
        cache.lookup(remote(), Become.NONE, f.toString());   // this time the look goes alone
        assertThat(cache.commands()).isEqualTo(2);
        assertThat(cache.read(remote(), Become.NONE, "echo ahead").stdout()).isEqualTo("ahead\n");
        assertThat(cache.commands()).isEqualTo(3);
    }

    @Test
    void aReadUsedBeforeTheCacheWasClearedIsReadAheadAgain() throws Exception {
        Path f = dir.resolve("f");
        RemoteFileCache cache = predicting(List.of(f.toString()), List.of("echo ahead"));
        cache.lookup(remote(), Become.NONE, f.toString());
        cache.read(remote(), Become.NONE, "echo ahead");
        cache.clear();
        cache.lookup(remote(), Become.NONE, f.toString());
        cache.read(remote(), Become.NONE, "echo ahead");
        assertThat(cache.commands()).isEqualTo(2);
    }
}

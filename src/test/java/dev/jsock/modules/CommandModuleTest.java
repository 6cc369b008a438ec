package dev.jsock.modules;

import static dev.jsock.modules.Ctx.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandModuleTest {
    @TempDir
    Path dir;

    private final CommandModule command = new CommandModule(false);
    private final CommandModule shell = new CommandModule(true);

    @Test
    void commandSplitsLikeShlexAndReturnsAnsiblesKeys() {
        TaskResult r = new Ctx(dir).run(command, args("_raw_params", "echo hi 'a b'"));
        assertThat(r.changed()).isTrue();
        assertThat(r.data()).containsEntry("stdout", "hi a b").containsEntry("rc", 0)
                .containsEntry("cmd", List.of("echo", "hi", "a b")).containsEntry("stdout_lines", List.of("hi a b"))
                .containsKeys("start", "end", "delta");
    }

    @Test
    void commandNeverUsesAShell() {
        Path pwned = dir.resolve("pwned");
        TaskResult r = new Ctx(dir).run(command, args("_raw_params", "echo '$(touch " + pwned + ")' ; touch " + pwned));
        assertThat(r.data().get("stdout")).isEqualTo("$(touch " + pwned + ") ; touch " + pwned);
        assertThat(pwned).doesNotExist();
    }

    @Test
    void argvIsPassedWordForWord() {
        TaskResult r = new Ctx(dir).run(command, args("argv", List.of("printf", "%s|", "a b", "'; rm -rf /tmp/x; '")));
        assertThat(r.data()).containsEntry("stdout", "a b|'; rm -rf /tmp/x; '|");
    }

    @Test
    void shellRunsTextWithBinSh() {
        TaskResult r = new Ctx(dir).run(shell, args("_raw_params", "echo $((1+2)); echo err >&2"));
        assertThat(r.data()).containsEntry("stdout", "3").containsEntry("stderr", "err").containsEntry("cmd", "echo $((1+2)); echo err >&2");
    }

    @Test
    void nonZeroExitFails() {
        TaskResult r = new Ctx(dir).run(command, args("_raw_params", "false"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg()).isEqualTo("non-zero return code");
        assertThat(r.data()).containsEntry("rc", 1);
    }

    @Test
    void missingExecutableLooksLikeAnsible() {
        TaskResult r = new Ctx(dir).run(command, args("_raw_params", "nonexistcmd-jsock"));
        assertThat(r.msg()).isEqualTo("[Errno 2] No such file or directory: b'nonexistcmd-jsock'");
        assertThat(r.data()).containsEntry("rc", 2);
    }

    @Test
    void createsSkipsWhenPathExists() {
        TaskResult r = new Ctx(dir).run(command, args("_raw_params", "touch " + dir.resolve("x"), "creates", dir.toString()));
        assertThat(r.status()).isEqualTo(TaskResult.Status.OK);
        assertThat(r.data()).containsEntry("stdout", "skipped, since " + dir + " exists")
                .containsEntry("msg", "Did not run command since '" + dir + "' exists");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void removesRunsOnlyWhenPathExists() {
        TaskResult r = new Ctx(dir).run(command, args("_raw_params", "true", "removes", dir.resolve("nothing").toString()));
        assertThat(r.changed()).isFalse();
        assertThat(r.data().get("msg")).isEqualTo("Did not run command since '" + dir.resolve("nothing") + "' does not exist");
    }

    @Test
    void stdinAndChdirAreHonoured() {
        TaskResult r = new Ctx(dir).run(shell, args("_raw_params", "cat; pwd", "stdin", "in", "chdir", dir.toString()));
        assertThat(r.data()).containsEntry("stdout", "in\n" + dir);
    }

    @Test
    void checkModeSkipsPlainCommands() throws Exception {
        Path marker = dir.resolve("m");
        TaskResult r = new Ctx(dir).check().run(shell, args("_raw_params", "touch " + marker));
        assertThat(r.status()).isEqualTo(TaskResult.Status.SKIPPED);
        assertThat(r.msg()).isEqualTo("Command would have run if not in check mode");
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void noCommandIsAnError() {
        assertThat(new Ctx(dir).run(command, args()).msg()).isEqualTo("no command given");
    }
}

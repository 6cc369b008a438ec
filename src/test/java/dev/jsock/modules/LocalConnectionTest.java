package dev.jsock.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.transport.Become;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.LocalConnection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** LocalConnection lives in transport but is exercised here, where the modules depend on it. */
class LocalConnectionTest {
    private final LocalConnection local = new LocalConnection("localhost");

    @Test
    void largeOutputOnBothStreamsWhileReadingStdinDoesNotDeadlock() throws Exception {
        byte[] input = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
        CommandResult r = local.exec("head -c 2000000 /dev/zero | tr '\\0' o; head -c 2000000 /dev/zero | tr '\\0' e >&2; wc -c", input, Become.NONE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).hasSize(2_000_000);
        assertThat(r.stdout()).startsWith("ooo").endsWith((1 << 20) + "\n");
    }

    @Test
    void reportsExitCodeAndStderr() throws Exception {
        CommandResult r = local.exec("echo oops >&2; exit 3");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).isEqualTo("oops\n");
    }

    @Test
    void becomingTheCurrentUserNeedsNoSudo() throws Exception {
        String me = System.getProperty("user.name");
        CommandResult r = local.exec("id -un", null, Become.sudo(me));
        assertThat(r.stdout().strip()).isEqualTo(me);
    }
}

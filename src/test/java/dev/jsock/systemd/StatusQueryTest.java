package dev.jsock.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jsock.model.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusQueryTest {

    @Test
    void parsesRecordedOutputOfARealHost() throws Exception {
        String out = Files.readString(Path.of("src/test/resources/systemd/status-corpus10-ghost.txt"));
        List<SocketStatus> rows = StatusQuery.parse("h1", out);
        assertThat(rows).hasSize(2);
        SocketStatus live = rows.get(0);
        assertThat(live.socket()).isEqualTo("corpus10.socket");
        assertThat(live.listen()).containsExactly("[::]:7010 (Stream)");
        assertThat(live.active()).isEqualTo("active (listening)");
        assertThat(live.enabled()).isEqualTo("enabled");
        assertThat(live.accept()).isTrue();
        assertThat(live.accepted()).isEqualTo(1);
        assertThat(live.service()).isEqualTo("corpus10@.service");
        SocketStatus ghost = rows.get(1);
        assertThat(ghost.active()).isEqualTo("inactive (dead)");
        assertThat(ghost.enabled()).isEqualTo("-");
        assertThat(ghost.listen()).isEmpty();
    }

    @Test
    void refusesNamesThatCouldReachTheShell() {
        assertThatThrownBy(() -> StatusQuery.command(List.of("x; rm -rf /"))).isInstanceOf(UserError.class)
                .hasMessageContaining("not a valid socket name");
        assertThatThrownBy(() -> StatusQuery.command(List.of("$(touch /tmp/pwned)"))).isInstanceOf(UserError.class);
    }

    @Test
    void listsManifestSocketsWhenNoNameIsGiven() {
        assertThat(StatusQuery.command(List.of())).contains("/var/lib/jsock");
    }

    @Test
    void keepsEveryListenLineOfAUnit() {
        var units = UnitProperties.parse("Id=a.socket\nListen=[::]:80 (Stream)\nListen=/run/a.sock (Stream)\n");
        assertThat(units.get("a.socket").get("Listen")).hasSize(2);
    }
}

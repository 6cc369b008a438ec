package dev.jsock.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jsock.model.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshArgsTest {
    @ParameterizedTest(name = "[{0}] → {1}={2}")
    @CsvSource(delimiter = '|', value = {
        "-o StrictHostKeyChecking=no                         | stricthostkeychecking | no",
        "-oStrictHostKeyChecking=accept-new                  | StrictHostKeyChecking | accept-new",
        "-o 'StrictHostKeyChecking yes'                      | StrictHostKeyChecking | yes",
        "-o \"UserKnownHostsFile=/tmp/a b\"                  | UserKnownHostsFile    | /tmp/a b",
        "-o ControlMaster=auto -o ControlPersist=60s -o ConnectTimeout=7 | ConnectTimeout | 7",
        "-o StrictHostKeyChecking=no -o StrictHostKeyChecking=yes | StrictHostKeyChecking | no",
        "-o \"UserKnownHostsFile = /x\"                     | UserKnownHostsFile    | /x",
    })
    void readsOptions(String args, String name, String value) {
        assertThat(SshArgs.parse("h", args).get(name)).isEqualTo(value);
    }

    @Test
    void ignoresOptionsThatOnlyTuneOpenSsh() {
        assertThat(SshArgs.parse("h", "-C -o ServerAliveInterval=30 -4").options()).containsOnlyKeys("serveraliveinterval");
    }

    @Test
    void refusesProxiesInsteadOfConnectingDirectly() {
        assertThatThrownBy(() -> SshArgs.parse("h", "-o ProxyCommand='ssh -W %h:%p bastion'"))
                .isInstanceOf(UserError.class).hasMessageContaining("ProxyCommand");
        assertThatThrownBy(() -> SshArgs.parse("h", "-J bastion")).isInstanceOf(UserError.class).hasMessageContaining("-J");
    }

    @Test
    void splitsLikeAShell() {
        assertThat(SshArgs.split("h", "a 'b c' \"d \\\"e\\\"\" f\\ g")).isEqualTo(List.of("a", "b c", "d \"e\"", "f g"));
    }

    @Test
    void reportsUnbalancedQuote() {
        assertThatThrownBy(() -> SshArgs.parse("web1", "-o 'StrictHostKeyChecking=no"))
                .isInstanceOf(UserError.class).hasMessageContaining("web1").hasMessageContaining("unbalanced quote");
    }
}

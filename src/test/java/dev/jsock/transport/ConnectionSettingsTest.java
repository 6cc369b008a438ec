package dev.jsock.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jsock.model.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionSettingsTest {
    private static final Path HOME = Path.of("/home/ann");

    private static ConnectionSettings settings(HostKeyPolicy policy, Object... kv) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) vars.put((String) kv[i], kv[i + 1]);
        return ConnectionSettings.from("web1", vars, policy, HOME, "ann");
    }

    @Test
    void defaultsFollowAnsibleAndOpenSsh() {
        ConnectionSettings s = settings(HostKeyPolicy.YES);
        assertThat(s.connection()).isEqualTo("ssh");
        assertThat(s.address()).isEqualTo("web1");
        assertThat(s.port()).isEqualTo(22);
        assertThat(s.user()).isEqualTo("ann");
        assertThat(s.privateKeyFile()).isNull();
        assertThat(s.knownHosts()).isEqualTo(Path.of("/home/ann/.ssh/known_hosts"));
        assertThat(s.hostKeyPolicy()).isEqualTo(HostKeyPolicy.YES);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    static Stream<Arguments> hostVars() {
        return Stream.of(
                Arguments.of(new Object[] {"ansible_host", "10.0.0.5"}, "address", "10.0.0.5"),
                Arguments.of(new Object[] {"ansible_ssh_host", "10.0.0.6"}, "address", "10.0.0.6"),
                Arguments.of(new Object[] {"ansible_port", 2222}, "port", 2222),
                Arguments.of(new Object[] {"ansible_port", "2200"}, "port", 2200),
                Arguments.of(new Object[] {"ansible_ssh_port", "2201"}, "port", 2201),
                Arguments.of(new Object[] {"ansible_user", "deploy"}, "user", "deploy"),
                Arguments.of(new Object[] {"ansible_ssh_user", "ops"}, "user", "ops"),
                Arguments.of(new Object[] {"ansible_ssh_private_key_file", "~/.ssh/lab"}, "key", Path.of("/home/ann/.ssh/lab")),
                Arguments.of(new Object[] {"ansible_private_key_file", "/k/id"}, "key", Path.of("/k/id")),
                Arguments.of(new Object[] {"ansible_ssh_pass", "s3cret"}, "password", "s3cret"),
                Arguments.of(new Object[] {"ansible_password", "pw"}, "password", "pw"),
                Arguments.of(new Object[] {"ansible_become_password", "bpw"}, "becomePassword", "bpw"),
                Arguments.of(new Object[] {"ansible_become_pass", "bpw2"}, "becomePassword", "bpw2"),
                Arguments.of(new Object[] {"ansible_connection", "local"}, "connection", "local"),
                Arguments.of(new Object[] {"ansible_connection", "smart"}, "connection", "ssh"),
                Arguments.of(new Object[] {"ansible_ssh_timeout", 3}, "timeout", Duration.ofSeconds(3)),
                Arguments.of(new Object[] {"ansible_ssh_common_args", "-o ConnectTimeout=4"}, "timeout", Duration.ofSeconds(4)),
                Arguments.of(new Object[] {"ansible_ssh_common_args", "-o StrictHostKeyChecking=no"}, "policy", HostKeyPolicy.NO),
                Arguments.of(new Object[] {"ansible_ssh_common_args", "-oStrictHostKeyChecking=accept-new"}, "policy", HostKeyPolicy.ACCEPT_NEW),
                Arguments.of(new Object[] {"ansible_ssh_extra_args", "-o 'StrictHostKeyChecking off'"}, "policy", HostKeyPolicy.NO),
                Arguments.of(new Object[] {"ansible_host_key_checking", false}, "policy", HostKeyPolicy.NO),
                Arguments.of(new Object[] {"ansible_ssh_common_args", "-o UserKnownHostsFile=/etc/kh"}, "knownHosts", Path.of("/etc/kh")),
                Arguments.of(new Object[] {"ansible_ssh_common_args", "-o UserKnownHostsFile=~/kh"}, "knownHosts", Path.of("/home/ann/kh")),
                Arguments.of(new Object[] {"ansible_ssh_common_args", "-o UserKnownHostsFile=/dev/null"}, "knownHosts", null));
    }

    @ParameterizedTest(name = "{0} sets {1}")
    @MethodSource("hostVars")
    void readsHostVars(Object[] vars, String field, Object expected) {
        ConnectionSettings s = settings(HostKeyPolicy.YES, vars);
        Object actual;
        switch (field) {
            case "address": actual = s.address(); break;
            case "port": actual = s.port(); break;
            case "user": actual = s.user(); break;
            case "key": actual = s.privateKeyFile(); break;
            case "password": actual = s.password(); break;
            case "becomePassword": actual = s.becomePassword(); break;
            case "connection": actual = s.connection(); break;
            case "timeout": actual = s.connectTimeout(); break;
            case "policy": actual = s.hostKeyPolicy(); break;
            case "knownHosts": actual = s.knownHosts(); break;
            default: throw new IllegalArgumentException(field);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void jsockKnownHostsWinsOverArgsMeantForAnsible() {
        ConnectionSettings s = settings(HostKeyPolicy.YES,
                "ansible_ssh_common_args", "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null",
                "jsock_known_hosts", "/var/lib/jsock/lab/known_hosts");
        assertThat(s.knownHosts()).isEqualTo(Path.of("/var/lib/jsock/lab/known_hosts"));
        assertThat(s.hostKeyPolicy()).isEqualTo(HostKeyPolicy.YES);
    }

    @Test
    void explicitNoFromCommandLineWinsOverInventoryArgs() {
        ConnectionSettings s = settings(HostKeyPolicy.NO, "ansible_ssh_common_args", "-o StrictHostKeyChecking=yes");
        assertThat(s.hostKeyPolicy()).isEqualTo(HostKeyPolicy.NO);
    }

    @Test
    void hidesPasswordsInToString() {
        ConnectionSettings s = settings(HostKeyPolicy.YES, "ansible_ssh_pass", "hunter2", "ansible_become_password", "hunter3");
        assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("hunter3").contains("********");
    }

    @Test
    void rejectsNonNumericPortNamingHostAndValue() {
        assertThatThrownBy(() -> settings(HostKeyPolicy.YES, "ansible_port", "ssh"))
                .isInstanceOf(UserError.class).hasMessageContaining("web1").hasMessageContaining("ansible_port").hasMessageContaining("'ssh'");
    }

    @Test
    void rejectsUnsupportedConnectionPlugin() {
        assertThatThrownBy(() -> settings(HostKeyPolicy.YES, "ansible_connection", "winrm"))
                .isInstanceOf(UserError.class).hasMessageContaining("ansible_connection=winrm");
    }

    @Test
    void rejectsUnknownStrictHostKeyCheckingValue() {
        assertThatThrownBy(() -> settings(HostKeyPolicy.YES, "ansible_ssh_common_args", "-o StrictHostKeyChecking=maybe"))
                .isInstanceOf(UserError.class).hasMessageContaining("maybe");
    }
}

package dev.jsock.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jsock.lab.LabHost;
import dev.jsock.lab.LabHosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("lab")
class SshConnectionIT {
    private static final List<String> warnings = new ArrayList<>();
    private static LabHost host;
    private static Connections connections;
    private static Connection conn;

    @BeforeAll
    static void connect() throws Exception {
        host = LabHosts.get(1).get(0);
        connections = new Connections(HostKeyPolicy.YES, warnings::add);
        conn = connections.open(host.name(), LabHosts.vars(host));
    }

    @AfterAll
    static void disconnect() {
        if (conn != null) conn.close();
    }

    @Test
    void uploadsOneMegabyteThroughStdinIntact() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        CommandResult r = conn.exec("cat > /tmp/upload.bin && sha256sum /tmp/upload.bin", data, Become.NONE);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith(expected + " ");
    }

    @Test
    void echoesBigStdinBackWithoutDeadlock() throws Exception {
        byte[] data = "0123456789abcdef".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
        CommandResult r = conn.exec("cat; cat /etc/hostname >&2", data, Become.NONE);
        assertThat(r.stdout()).hasSize(data.length);
        assertThat(r.stderr()).isEqualTo(host.name() + "\n");
    }

    @Test
    void reportsExitCodeAndStderrSeparately() throws Exception {
        CommandResult r = conn.exec("echo out; echo err >&2; exit 7");
        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
    }

    @Test
    void runsManyChannelsOnOneConnection() throws Exception {
        for (int i = 0; i < 25; i++) {
            assertThat(conn.exec("echo " + i).stdout()).isEqualTo(i + "\n");
        }
    }

    @Test
    void commandThatIgnoresStdinStillFinishes() throws Exception {
        CommandResult r = conn.exec("exit 0", new byte[4 << 20], Become.NONE);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void becomeRunsThroughSudo() throws Exception {
        CommandResult r = conn.exec("id -un", null, Become.sudo("nobody"));
        assertThat(r.stdout()).isEqualTo("nobody\n");
    }

    @Test
    void unusedAddressIsUnreachableQuickly() {
        Map<String, Object> vars = LabHosts.vars(host);
        vars.put("ansible_host", "10.231.47.250");
        vars.put("ansible_ssh_timeout", 5);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> connections.open("ghost", vars))
                .isInstanceOf(UnreachableException.class)
                .hasMessageStartingWith("Failed to connect to the host via ssh: ssh: connect to host 10.231.47.250 port 22");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(8_000);
    }

    @Test
    void closedPortIsRefused() {
        Map<String, Object> vars = LabHosts.vars(host);
        vars.put("ansible_port", 2);
        assertThatThrownBy(() -> connections.open("h", vars))
                .isInstanceOf(UnreachableException.class).hasMessageEndingWith("port 2: Connection refused");
    }

    @Test
    void wrongKeyIsPermissionDenied(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("other");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start().waitFor();
        Map<String, Object> vars = LabHosts.vars(host);
        vars.put("ansible_ssh_private_key_file", key.toString());
        assertThatThrownBy(() -> connections.open("h", vars))
                .isInstanceOf(UnreachableException.class).hasMessageContaining("root@" + host.address() + ": Permission denied (publickey");
    }

    @Test
    void unknownHostKeyIsRefusedByDefault(@TempDir Path dir) throws Exception {
        Map<String, Object> vars = LabHosts.vars(host);
        vars.put("jsock_known_hosts", Files.writeString(dir.resolve("known_hosts"), "").toString());
        assertThatThrownBy(() -> connections.open("h", vars))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("Host key verification failed: no key for " + host.address())
                .hasMessageContaining("--host-key-checking=accept-new");
    }

    @Test
    void changedHostKeyIsRefusedEvenUnderAcceptNew(@TempDir Path dir) throws Exception {
        PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        String fake = host.address() + " ssh-ed25519 " + Base64.getEncoder().encodeToString(KnownHostsVerifier.blob(other)) + "\n";
        Map<String, Object> vars = LabHosts.vars(host);
        vars.put("jsock_known_hosts", Files.writeString(dir.resolve("known_hosts"), fake).toString());
        Connections acceptNew = new Connections(HostKeyPolicy.ACCEPT_NEW, warnings::add);
        assertThatThrownBy(() -> acceptNew.open("h", vars))
                .isInstanceOf(UnreachableException.class).hasMessageContaining("differs");
    }

    @Test
    void acceptNewRecordsTheKeyAndThenVerifiesIt(@TempDir Path dir) throws Exception {
        Path kh = dir.resolve("known_hosts");
        Map<String, Object> vars = LabHosts.vars(host);
        vars.put("jsock_known_hosts", kh.toString());
        try (Connection c = new Connections(HostKeyPolicy.ACCEPT_NEW, warnings::add).open("h", vars)) {
            assertThat(c.exec("true").ok()).isTrue();
        }
        assertThat(Files.readString(kh)).startsWith(host.address() + " ssh-ed25519 ");
        try (Connection c = new Connections(HostKeyPolicy.YES, warnings::add).open("h", vars)) {
            assertThat(c.exec("true").ok()).isTrue();
        }
    }

    @Test
    void authenticatesWithKeyHeldByAgent(@TempDir Path dir) throws Exception {
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) Thread.sleep(20);
            ProcessBuilder add = new ProcessBuilder("ssh-add", LabHosts.lab().privateKey().toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            assertThat(add.start().waitFor()).isZero();
            Map<String, Object> vars = LabHosts.vars(host);
            vars.remove("ansible_ssh_private_key_file");
            ConnectionSettings s = ConnectionSettings.from(host.name(), vars, HostKeyPolicy.YES);
            // An empty home: the only key available is the agent's.
            SshConnector connector = new SshConnector(SshConfigs.create(), dir, sock, warnings::add);
            try (Connection c = connector.open(s)) {
                assertThat(c.exec("echo agent").stdout()).isEqualTo("agent\n");
            }
        } finally {
            agent.destroy();
        }
    }

    @Test
    void droppedConnectionIsUnreachable() throws Exception {
        try (Connection c = connections.open(host.name(), LabHosts.vars(host))) {
            // The shell's parent is the sshd process serving this connection: killing it drops the connection.
            assertThatThrownBy(() -> c.exec("kill -9 $PPID; sleep 5"))
                    .isInstanceOf(UnreachableException.class).hasMessageStartingWith("Failed to connect to the host via ssh:");
            assertThatThrownBy(() -> c.exec("true")).isInstanceOf(UnreachableException.class);
        }
    }

    @Test
    void localConnectionNeedsNoSsh() throws Exception {
        try (Connection c = connections.open("localhost", Map.of("ansible_connection", "local"))) {
            assertThat(c.exec("echo here").stdout()).isEqualTo("here\n");
        }
    }
}

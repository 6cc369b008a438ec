package dev.jsock.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsVerifierTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static PublicKey newKey() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    }

    private static String line(String host, PublicKey key) {
        return host + " ssh-ed25519 " + Base64.getEncoder().encodeToString(KnownHostsVerifier.blob(key)) + "\n";
    }

    private KnownHostsVerifier verifier(Path file, HostKeyPolicy policy) throws Exception {
        return new KnownHostsVerifier("web1", file, policy, warnings::add);
    }

    @Test
    void acceptsRecordedKey() throws Exception {
        PublicKey key = newKey();
        Path kh = Files.writeString(dir.resolve("known_hosts"), line("10.0.0.5", key));
        assertThat(verifier(kh, HostKeyPolicy.YES).verify("10.0.0.5", 22, key)).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void refusesUnknownHostWithHowToAcceptIt() throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), line("10.0.0.9", newKey()));
        KnownHostsVerifier v = verifier(kh, HostKeyPolicy.YES);
        assertThat(v.verify("10.0.0.5", 22, newKey())).isFalse();
        assertThat(v.refusal()).contains("no key for 10.0.0.5").contains("ssh-keyscan").contains("--host-key-checking=accept-new");
    }

    @Test
    void refusesChangedKeyEvenUnderAcceptNew() throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), line("10.0.0.5", newKey()));
        KnownHostsVerifier v = verifier(kh, HostKeyPolicy.ACCEPT_NEW);
        assertThat(v.verify("10.0.0.5", 22, newKey())).isFalse();
        assertThat(v.refusal()).contains("differs").contains("ssh-keygen -f " + kh + " -R '10.0.0.5'");
        assertThat(Files.readString(kh).lines()).hasSize(1);
    }

    @Test
    void acceptNewRecordsUnknownHostWithPortInBrackets() throws Exception {
        Path kh = dir.resolve("sub/known_hosts");
        PublicKey key = newKey();
        assertThat(verifier(kh, HostKeyPolicy.ACCEPT_NEW).verify("10.0.0.5", 2222, key)).isTrue();
        assertThat(Files.readString(kh)).isEqualTo(line("[10.0.0.5]:2222", key));
        assertThat(verifier(kh, HostKeyPolicy.YES).verify("10.0.0.5", 2222, key)).isTrue();
        assertThat(warnings).singleElement().asString().contains("permanently added");
    }

    @Test
    void noAcceptsChangedKeyLoudly() throws Exception {
        Path kh = Files.writeString(dir.resolve("known_hosts"), line("10.0.0.5", newKey()));
        assertThat(verifier(kh, HostKeyPolicy.NO).verify("10.0.0.5", 22, newKey())).isTrue();
        assertThat(warnings).singleElement().asString().contains("[WARNING]").contains("web1").contains("SHA256:");
    }

    @Test
    void devNullKnowsNoHost() throws Exception {
        KnownHostsVerifier v = verifier(null, HostKeyPolicy.YES);
        assertThat(v.verify("10.0.0.5", 22, newKey())).isFalse();
        assertThat(v.refusal()).contains("UserKnownHostsFile=/dev/null");
    }
}

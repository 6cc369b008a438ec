package dev.jsock.transport;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import net.schmizz.sshj.Config;

/**
 * Opens connections for one run: {@code ansible_connection=local} runs on the controller, anything
 * else goes over SSH. The sshj configuration is built once, on the first SSH host, and shared, so a
 * run with only local hosts never pays for it.
 */
public final class Connections {
    private final HostKeyPolicy defaultPolicy;
    private final Consumer<String> warn;
    private SshConnector connector;

    /**
     * @param defaultPolicy host-key policy unless a host's ssh args say otherwise (an explicit {@code NO} always wins)
     * @param warn where warnings go (host key accepted without checking, key recorded, key skipped)
     */
    public Connections(HostKeyPolicy defaultPolicy, Consumer<String> warn) {
        this.defaultPolicy = defaultPolicy;
        this.warn = warn;
    }

    /**
     * Builds the shared sshj configuration and initialises the JDK crypto a first connection uses
     * (X25519, Ed25519, AES-GCM, SHA-256), so a background thread can pay for it ahead of time.
     */
    public static void warmUp() {
        SshConfigs.create();
        try {
            java.security.KeyPairGenerator.getInstance("X25519").generateKeyPair();
            java.security.Signature.getInstance("Ed25519");
            javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            java.security.MessageDigest.getInstance("SHA-256").digest(new byte[1]);
        } catch (java.security.GeneralSecurityException e) {
            // an algorithm the JDK lacks fails the real connection with a clear message, not this
        }
    }

    /** One-off convenience; a run with many hosts should keep one {@link Connections} and call {@link #open(String, Map)}. */
    public static Connection open(String host, Map<String, Object> hostVars, HostKeyPolicy defaultPolicy) throws UnreachableException {
        return new Connections(defaultPolicy, System.err::println).open(host, hostVars);
    }

    public Connection open(String host, Map<String, Object> hostVars) throws UnreachableException {
        ConnectionSettings s = ConnectionSettings.from(host, hostVars, defaultPolicy);
        if (s.local()) return new LocalConnection(host);
        return connector().open(s);
    }

    private synchronized SshConnector connector() {
        if (connector == null) {
            Config config = SshConfigs.create();
            String agent = System.getenv("SSH_AUTH_SOCK");
            connector = new SshConnector(config, Path.of(System.getProperty("user.home")),
                    agent == null || agent.isEmpty() ? null : Path.of(agent), warn);
        }
        return connector;
    }
}

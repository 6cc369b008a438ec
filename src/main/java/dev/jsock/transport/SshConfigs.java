package dev.jsock.transport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * Builds the sshj configuration a run shares between its connections. Building it is the expensive
 * part of sshj's start-up: registering BouncyCastle costs about 230 ms and the JDK already has every
 * algorithm preferred here (X25519, Ed25519, AES-GCM), so BouncyCastle stays unregistered.
 *
 * <p>Algorithm choices, measured against the lab's OpenSSH 9.2 (bench/RESULTS.md): curve25519 is the
 * cheapest key exchange the JDK offers (no BouncyCastle), Ed25519 the cheapest host-key check, and
 * AES-GCM (AES-NI) was no slower than chacha20-poly1305 or AES-CTR for jsock's small messages.
 */
final class SshConfigs {
    private static final List<String> KEX = List.of("curve25519-sha256", "curve25519-sha256@libssh.org");
    private static final List<String> HOST_KEYS = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256");
    private static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr");

    private SshConfigs() {}

    /**
     * The process's one configuration, built on first use. It is never changed after it is built,
     * and sshj only reads it (its random source is thread-safe), so every client can share it: a
     * caller that opens one connection per host through a new {@link Connections} then pays ~3 ms
     * per host instead of building a new one each time.
     */
    static Config create() {
        return Shared.CONFIG;
    }

    /** Holder idiom: the configuration is built once, thread-safely, when first asked for. */
    private static final class Shared {
        static final Config CONFIG = build();
    }

    private static Config build() {
        // sshj reads this process-wide switch when it first needs a security provider.
        SecurityUtils.setRegisterBouncyCastle(false);
        DefaultConfig c = new DefaultConfig();
        c.setKeyExchangeFactories(prefer(c.getKeyExchangeFactories(), KEX));
        c.setKeyAlgorithms(prefer(c.getKeyAlgorithms(), HOST_KEYS));
        c.setCipherFactories(prefer(c.getCipherFactories(), CIPHERS));
        return c;
    }

    /** Moves the named algorithms to the front in the given order, keeping the rest as fallbacks. */
    static <T extends Factory.Named<?>> List<T> prefer(List<T> factories, List<String> first) {
        List<T> sorted = new ArrayList<>(factories);
        sorted.sort(Comparator.comparingInt(f -> {
            int i = first.indexOf(f.getName());
            return i < 0 ? first.size() : i;
        }));
        return sorted;
    }
}

package dev.jsock.transport;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Checks a server's key against an OpenSSH known_hosts file under a {@link HostKeyPolicy}. sshj's
 * parser reads the file (hashed names, {@code [host]:port}, markers); the decision is ours, and a
 * refusal leaves a message that tells the user how to proceed.
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    private final String host;
    private final Path file;
    private final HostKeyPolicy policy;
    private final Consumer<String> warn;
    private final OpenSSHKnownHosts known;
    private volatile String refusal;

    KnownHostsVerifier(String host, Path file, HostKeyPolicy policy, Consumer<String> warn) throws IOException {
        this.host = host;
        this.file = file;
        this.policy = policy;
        this.warn = warn;
        this.known = file != null && Files.isRegularFile(file) ? new OpenSSHKnownHosts(file.toFile()) : new OpenSSHKnownHosts(new StringReader(""));
    }

    /** Why the last key was refused, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String entryHost = port == 22 ? hostname : "[" + hostname + "]:" + port;
        HostKeyCheck.Verdict verdict = HostKeyCheck.decide(policy, lookup(entryHost, key));
        String type = KeyType.fromKey(key).toString();
        String fp = fingerprint(key);
        switch (verdict) {
            case ACCEPT:
                return true;
            case ACCEPT_WITH_WARNING:
                warn.accept("[WARNING]: host key checking is off (" + host + "): accepting " + type + " key " + fp + " of " + entryHost
                        + " without verifying it");
                return true;
            case ACCEPT_AND_RECORD:
                record(entryHost, key);
                warn.accept("Warning: permanently added '" + entryHost + "' (" + type + " " + fp + ") to " + (file == null ? "no file (UserKnownHostsFile=/dev/null)" : file));
                return true;
            case REFUSE_CHANGED:
                refusal = "Host key verification failed: the " + type + " key of " + entryHost + " (" + fp + ") differs from the one in "
                        + file + ". Someone could be intercepting the connection, or the host was reinstalled. If the new key is right, remove the old one with: ssh-keygen -f "
                        + file + " -R '" + entryHost + "'";
                return false;
            case REFUSE_UNKNOWN:
            default:
                refusal = "Host key verification failed: no key for " + entryHost + " (" + type + " " + fp + ") in "
                        + (file == null ? "any known_hosts file (UserKnownHostsFile=/dev/null)" : file)
                        + ". To trust it, add it (ssh-keyscan -p " + port + " " + hostname + " >> " + (file == null ? "~/.ssh/known_hosts" : file)
                        + ") or run with --host-key-checking=accept-new";
                return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return known.findExistingAlgorithms(hostname, port);
    }

    HostKeyCheck.Lookup lookup(String entryHost, PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        boolean seen = false;
        for (OpenSSHKnownHosts.KnownHostEntry e : known.entries()) {
            try {
                if (e.appliesTo(type, entryHost)) {
                    seen = true;
                    if (e.verify(key)) return HostKeyCheck.Lookup.MATCH;
                }
            } catch (IOException ex) {
                // A line sshj cannot evaluate says nothing about this host; OpenSSH skips it too.
            }
        }
        return seen ? HostKeyCheck.Lookup.CHANGED : HostKeyCheck.Lookup.UNKNOWN;
    }

    private void record(String entryHost, PublicKey key) {
        if (file == null) return;
        try {
            String line = entryHost + " " + KeyType.fromKey(key) + " "
                    + Base64.getEncoder().encodeToString(blob(key)) + "\n";
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            // One short write with O_APPEND, so parallel hosts appending to one file do not interleave.
            Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            warn.accept("[WARNING]: could not record the host key of " + entryHost + " in " + file + ": " + e.getMessage());
        }
    }

    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}

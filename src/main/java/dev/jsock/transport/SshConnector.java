package dev.jsock.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/** Opens and authenticates one sshj client from {@link ConnectionSettings}; every failure becomes "unreachable". */
final class SshConnector {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final Config config;
    private final Path home;
    private final Path agentSocket;
    private final Consumer<String> warn;

    /** @param agentSocket the SSH agent's socket (SSH_AUTH_SOCK), or null for none */
    SshConnector(Config config, Path home, Path agentSocket, Consumer<String> warn) {
        this.config = config;
        this.home = home;
        this.agentSocket = agentSocket;
        this.warn = warn;
    }

    SshConnection open(ConnectionSettings s) throws UnreachableException {
        SSHClient client = new SSHClient(config);
        KnownHostsVerifier verifier;
        try {
            verifier = new KnownHostsVerifier(s.host(), s.knownHosts(), s.hostKeyPolicy(), warn);
        } catch (IOException e) {
            throw new UnreachableException("Failed to connect to the host via ssh: cannot read " + s.knownHosts() + ": " + e.getMessage(), e);
        }
        client.addHostKeyVerifier(verifier);
        int timeoutMs = (int) s.connectTimeout().toMillis();
        client.setConnectTimeout(timeoutMs);
        client.getTransport().setTimeoutMs(timeoutMs);
        try {
            client.connect(s.address(), s.port());
            // Without TCP_NODELAY, Nagle's algorithm and the peer's delayed ACK stall every small
            // request/response exchange by ~40 ms: that was most of the cost of a remote command.
            client.getSocket().setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            String refusal = verifier.refusal();
            if (refusal != null) throw new UnreachableException("Failed to connect to the host via ssh: " + refusal, e);
            throw new UnreachableException("Failed to connect to the host via ssh: ssh: connect to host " + s.address() + " port " + s.port()
                    + ": " + describe(e, s), e);
        }
        try {
            List<AuthMethod> methods = methods(client, s);
            if (methods.isEmpty()) {
                throw new UnreachableException("Failed to connect to the host via ssh: " + s.user() + "@" + s.address()
                        + ": no credentials: no ansible_ssh_private_key_file, ansible_ssh_pass, or key in " + home.resolve(".ssh"));
            }
            client.auth(s.user(), methods);
        } catch (UserAuthException e) {
            closeQuietly(client);
            String allowed = String.join(",", client.getUserAuth().getAllowedMethods());
            throw new UnreachableException("Failed to connect to the host via ssh: " + s.user() + "@" + s.address() + ": Permission denied ("
                    + (allowed.isEmpty() ? "publickey" : allowed) + ").", e);
        } catch (IOException e) {
            closeQuietly(client);
            throw new UnreachableException("Failed to connect to the host via ssh: " + s.user() + "@" + s.address() + ": " + e.getMessage(), e);
        } catch (UnreachableException e) {
            closeQuietly(client);
            throw e;
        }
        return new SshConnection(s.host(), s.address(), client);
    }

    /** The inventory's key first, then the agent's keys, then the usual files in ~/.ssh, then the password when one is given. */
    private List<AuthMethod> methods(SSHClient client, ConnectionSettings s) {
        List<KeyProvider> keys = new ArrayList<>();
        if (s.privateKeyFile() != null) {
            load(client, s.privateKeyFile(), true).ifPresent(keys::add);
        }
        for (String name : DEFAULT_KEYS) {
            Path p = home.resolve(".ssh").resolve(name);
            if (Files.isRegularFile(p) && !p.equals(s.privateKeyFile())) load(client, p, false).ifPresent(keys::add);
        }
        List<AuthMethod> methods = new ArrayList<>();
        if (!keys.isEmpty() && s.privateKeyFile() != null) methods.add(new AuthPublickey(keys.remove(0)));
        methods.addAll(agentMethods());
        for (KeyProvider k : keys) methods.add(new AuthPublickey(k));
        if (s.password() != null) methods.add(new AuthPassword(PasswordUtils.createOneOff(s.password().toCharArray())));
        return methods;
    }

    private List<AuthMethod> agentMethods() {
        List<AuthMethod> methods = new ArrayList<>();
        if (agentSocket == null || !Files.exists(agentSocket)) return methods;
        SshAgent agent = new SshAgent(agentSocket);
        try {
            for (SshAgent.Identity id : agent.identities()) methods.add(new AuthAgentKey(agent, id));
        } catch (IOException e) {
            warn.accept("[WARNING]: cannot use the SSH agent at " + agentSocket + ": " + e.getMessage());
        }
        return methods;
    }

    /** Loads a key now, so that an unreadable or passphrase-protected one is skipped instead of failing the login. */
    private java.util.Optional<KeyProvider> load(SSHClient client, Path file, boolean explicit) {
        try {
            KeyProvider k = client.loadKeys(file.toString());
            k.getPrivate();
            return java.util.Optional.of(k);
        } catch (IOException | RuntimeException e) {
            if (explicit) warn.accept("[WARNING]: cannot use private key " + file + ": " + e.getMessage()
                    + (Files.exists(file) ? " (jsock cannot ask for passphrases; use an unencrypted key)" : ""));
            return java.util.Optional.empty();
        }
    }

    private static String describe(IOException e, ConnectionSettings s) {
        if (e instanceof ConnectException) return "Connection refused";
        if (e instanceof SocketTimeoutException) return "Connection timed out (after " + s.connectTimeout().toSeconds() + " s)";
        if (e instanceof NoRouteToHostException) return "No route to host";
        if (e instanceof UnknownHostException) return "Could not resolve hostname " + s.address() + ": Name or service not known";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // Already failing; the original error is what the user needs.
        }
    }
}

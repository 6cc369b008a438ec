package dev.jsock.transport;

import dev.jsock.model.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach one host, read from its variables the way Ansible reads them. {@code knownHosts} is
 * null when host keys are checked against nothing ({@code UserKnownHostsFile=/dev/null}).
 */
public record ConnectionSettings(
        String host,
        String connection,
        String address,
        int port,
        String user,
        Path privateKeyFile,
        String password,
        String becomePassword,
        Path knownHosts,
        HostKeyPolicy hostKeyPolicy,
        Duration connectTimeout) {

    /** jsock's own variable: a known_hosts file that wins over the ssh args meant for Ansible (the lab sets it). */
    public static final String KNOWN_HOSTS_VAR = "jsock_known_hosts";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionSettings {
        if (!connection.equals("ssh") && !connection.equals("local")) throw new IllegalArgumentException("connection " + connection);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port);
    }

    public boolean local() {
        return connection.equals("local");
    }

    public static ConnectionSettings from(String host, Map<String, Object> vars, HostKeyPolicy defaultPolicy) {
        return from(host, vars, defaultPolicy, Path.of(System.getProperty("user.home")), System.getProperty("user.name"));
    }

    /** {@code home} and {@code localUser} are parameters so tests do not depend on who runs them. */
    static ConnectionSettings from(String host, Map<String, Object> vars, HostKeyPolicy defaultPolicy, Path home, String localUser) {
        VarReader v = new VarReader(host, vars);
        SshArgs args = SshArgs.parse(host, join(v.string("ansible_ssh_common_args"), v.string("ansible_ssh_extra_args")));
        String jsockKnownHosts = v.string(KNOWN_HOSTS_VAR);
        Path knownHosts;
        HostKeyPolicy policy = defaultPolicy;
        if (jsockKnownHosts != null) {
            knownHosts = expand(jsockKnownHosts, home);
        } else {
            knownHosts = knownHostsFrom(args.get("UserKnownHostsFile"), home);
            // As with Ansible's host_key_checking=False, an explicit "no" from jsock's own option wins
            // over the inventory's ssh args; otherwise the inventory's StrictHostKeyChecking decides.
            if (defaultPolicy != HostKeyPolicy.NO) {
                String strict = args.get("StrictHostKeyChecking");
                if (strict != null) {
                    policy = HostKeyPolicy.parse(strict).orElseThrow(() -> new UserError(UserError.Kind.GENERAL, null,
                            "host " + host + ": unknown StrictHostKeyChecking value '" + strict + "' (use yes, accept-new or no)"));
                }
            }
        }
        Boolean checking = v.bool("ansible_host_key_checking", "ansible_ssh_host_key_checking");
        if (Boolean.FALSE.equals(checking)) policy = HostKeyPolicy.NO;

        Integer timeoutSecs = v.integer("ansible_ssh_timeout", "ansible_timeout");
        if (timeoutSecs == null && args.get("ConnectTimeout") != null) timeoutSecs = v.parseInt("ConnectTimeout", args.get("ConnectTimeout"));
        Integer port = v.integer("ansible_port", "ansible_ssh_port");
        if (port == null && args.get("Port") != null) port = v.parseInt("Port", args.get("Port"));
        String keyFile = v.string("ansible_ssh_private_key_file", "ansible_private_key_file");
        return new ConnectionSettings(
                host,
                connectionType(host, v.string("ansible_connection")),
                orDefault(v.string("ansible_host", "ansible_ssh_host"), host),
                port == null ? 22 : port,
                orDefault(v.string("ansible_user", "ansible_ssh_user"), orDefault(args.get("User"), localUser)),
                keyFile == null ? null : expand(keyFile, home),
                v.string("ansible_ssh_pass", "ansible_ssh_password", "ansible_password"),
                v.string("ansible_become_password", "ansible_become_pass"),
                knownHosts,
                policy,
                timeoutSecs == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(timeoutSecs));
    }

    /** Keeps passwords out of logs and error messages. */
    @Override
    public String toString() {
        return "ConnectionSettings[host=" + host + ", connection=" + connection + ", address=" + address + ", port=" + port
                + ", user=" + user + ", privateKeyFile=" + privateKeyFile + ", password=" + (password == null ? "none" : "********")
                + ", becomePassword=" + (becomePassword == null ? "none" : "********") + ", knownHosts=" + knownHosts
                + ", hostKeyPolicy=" + hostKeyPolicy.optionValue() + ", connectTimeout=" + connectTimeout.toSeconds() + "s]";
    }

    private static String connectionType(String host, String value) {
        if (value == null) return "ssh";
        switch (value.toLowerCase(Locale.ROOT)) {
            case "ssh": case "smart": case "paramiko": case "ansible.builtin.ssh": case "ansible.builtin.paramiko_ssh":
                return "ssh";
            case "local": case "ansible.builtin.local":
                return "local";
            default:
                throw new UserError(UserError.Kind.GENERAL, null, "host " + host + ": ansible_connection=" + value
                        + " is not supported by jsock (use ssh or local)");
        }
    }

    private static Path knownHostsFrom(String value, Path home) {
        if (value == null) return home.resolve(".ssh/known_hosts");
        // OpenSSH allows several files; the first is the one it reads first and writes to.
        String first = SshArgs.split("", value).get(0);
        return first.equals("/dev/null") || first.equalsIgnoreCase("none") ? null : expand(first, home);
    }

    private static Path expand(String path, Path home) {
        if (path.equals("~")) return home;
        if (path.startsWith("~/")) return home.resolve(path.substring(2));
        return Path.of(path);
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + " " + b;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}

package dev.jsock.exec;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.Become;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.Connection;
import dev.jsock.transport.UnreachableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Gathering Facts": the few facts playbooks in this field use (distribution, hostname, service
 * manager, architecture, user), read in one remote command instead of Ansible's setup module.
 */
final class FactGatherer {
    private static final String SCRIPT = String.join("; ",
            "echo hostname=$(hostname -s 2>/dev/null || hostname)",
            "echo fqdn=$(hostname -f 2>/dev/null || hostname)",
            "echo system=$(uname -s)",
            "echo kernel=$(uname -r)",
            "echo architecture=$(uname -m)",
            "echo user_id=$(id -un)",
            "echo service_mgr=$(cat /proc/1/comm 2>/dev/null)",
            "[ -r /etc/os-release ] && . /etc/os-release",
            "echo distribution_id=${ID:-}",
            "echo distribution_version=${VERSION_ID:-}",
            "echo distribution_release=${VERSION_CODENAME:-}",
            "echo os_family_like=${ID_LIKE:-}",
            "echo machine_id=$(cat /etc/machine-id 2>/dev/null)",
            "echo vcpus=$(nproc 2>/dev/null)",
            "echo memtotal_kb=$(sed -n 's/^MemTotal: *\\([0-9]*\\).*/\\1/p' /proc/meminfo 2>/dev/null)",
            "echo ipv4=$(hostname -I 2>/dev/null)",
            "echo default_route=$(ip -4 route show default 2>/dev/null | head -n 1)",
            "echo pkg_mgr=$(command -v apt-get >/dev/null && echo apt || (command -v dnf >/dev/null && echo dnf) || echo unknown)",
            "echo python=$(python3 -c 'import platform; print(platform.python_version())' 2>/dev/null)",
            "echo epoch=$(date +%s)",
            "echo env_home=$HOME",
            "echo env_path=$PATH",
            "echo env_user=$(id -un)",
            "echo env_shell=$SHELL");

    private final PlayContext pc;
    private final VarsResolver resolver;

    FactGatherer(PlayContext pc, VarsResolver resolver) {
        this.pc = pc;
        this.resolver = resolver;
    }

    void gather(HostState hs) {
        gather(hs, "Gathering Facts");
    }

    /** The facts, reported under {@code title} (a setup task shows its own name). */
    void gather(HostState hs, String title) {
        TaskResult result;
        if (!pc.mode().live()) {
            result = TaskResult.skipped("not evaluated: facts need the host");
        } else {
            try {
                Connection c = hs.connection(pc.connections(), resolver.forHost(hs));
                CommandResult r = c.exec(SCRIPT, null, Become.NONE);
                Map<String, Object> facts = parse(r.stdout());
                Map<String, Object> prefixed = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : facts.entrySet()) prefixed.put("ansible_" + e.getKey(), e.getValue());
                hs.gathered.putAll(prefixed);
                hs.gathered.put("ansible_facts", facts);
                result = TaskResult.ok(Map.of());
            } catch (UnreachableException e) {
                hs.closeConnection();
                result = TaskResult.unreachable(e.getMessage());
            }
        }
        pc.listener().hostResult(hs.name(), title, result, null, false, false);
        switch (result.status()) {
            case UNREACHABLE -> {
                hs.stats.unreachable++;
                hs.unreachable = true;
            }
            case SKIPPED -> { }
            default -> hs.stats.ok++;
        }
    }

    private static int toInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Map<String, Object> parse(String out) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) kv.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("hostname", kv.getOrDefault("hostname", ""));
        facts.put("nodename", kv.getOrDefault("hostname", ""));
        facts.put("fqdn", kv.getOrDefault("fqdn", ""));
        facts.put("system", kv.getOrDefault("system", ""));
        facts.put("kernel", kv.getOrDefault("kernel", ""));
        facts.put("architecture", kv.getOrDefault("architecture", ""));
        facts.put("user_id", kv.getOrDefault("user_id", ""));
        facts.put("service_mgr", kv.getOrDefault("service_mgr", ""));
        String id = kv.getOrDefault("distribution_id", "");
        String distribution = id.isEmpty() ? "" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        facts.put("distribution", distribution);
        String version = kv.getOrDefault("distribution_version", "");
        facts.put("distribution_version", version);
        facts.put("distribution_major_version", version.contains(".") ? version.substring(0, version.indexOf('.')) : version);
        facts.put("distribution_release", kv.getOrDefault("distribution_release", ""));
        String like = kv.getOrDefault("os_family_like", "");
        String family = id.equals("debian") || id.equals("ubuntu") || like.contains("debian") ? "Debian"
                : like.contains("rhel") || like.contains("fedora") || id.equals("fedora") ? "RedHat" : distribution;
        facts.put("os_family", family);
        facts.put("machine_id", kv.getOrDefault("machine_id", ""));
        facts.put("processor_vcpus", toInt(kv.get("vcpus")));
        facts.put("memtotal_mb", toInt(kv.get("memtotal_kb")) / 1024);
        List<String> ips = new ArrayList<>();
        for (String ip : kv.getOrDefault("ipv4", "").split("\\s+")) if (ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) ips.add(ip);
        facts.put("all_ipv4_addresses", ips);
        // like Ansible: without a default route there is no default_ipv4 address
        boolean defaultRoute = !kv.getOrDefault("default_route", "").isBlank();
        facts.put("default_ipv4", defaultRoute && !ips.isEmpty() ? Map.of("address", ips.get(0)) : Map.of());
        facts.put("pkg_mgr", kv.getOrDefault("pkg_mgr", "unknown"));
        String py = kv.getOrDefault("python", "");
        if (!py.isEmpty()) facts.put("python_version", py);
        facts.put("date_time", Map.of("epoch", kv.getOrDefault("epoch", "")));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("HOME", kv.getOrDefault("env_home", ""));
        env.put("PATH", kv.getOrDefault("env_path", ""));
        env.put("USER", kv.getOrDefault("env_user", ""));
        env.put("SHELL", kv.getOrDefault("env_shell", ""));
        facts.put("env", env);
        return facts;
    }
}

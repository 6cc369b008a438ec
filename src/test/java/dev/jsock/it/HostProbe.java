package dev.jsock.it;

import dev.jsock.lab.LabHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at a lab host the way an administrator would, with OpenSSH and a TCP client, independent of
 * jsock's own transport: file trees with owner, mode and checksum; unit states; a socket's answer.
 */
final class HostProbe {
    private HostProbe() {}

    static String ssh(LabHost host, String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-i", LabTestHosts.privateKey().toString(), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "root@" + host.address(), command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** One line per file: relative path, type, mode, owner, group, link target, sha1 — host-independent. */
    static String fingerprint(LabHost host, List<String> paths, List<String> units) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (String p : paths) {
            script.append("echo '== ").append(p).append("'; ");
            script.append("if [ -e '").append(p).append("' ]; then find '").append(p)
                    .append("' -printf '%P %y %m %u %g %l\\n' | sort; find '").append(p)
                    .append("' -type f -exec sha1sum {} + | sort -k2; else echo absent; fi; ");
        }
        for (String u : units) {
            script.append("echo \"unit ").append(u).append(" $(systemctl is-enabled ").append(u)
                    .append(" 2>&1) $(systemctl is-active ").append(u).append(" 2>&1)\"; ");
        }
        return ssh(host, script.toString());
    }

    /** Stops and disables the units and removes the paths a corpus playbook manages. */
    static void reset(LabHost host, List<String> paths, List<String> units) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder();
        for (String u : units) script.append("systemctl disable --now '").append(u).append("' >/dev/null 2>&1; ");
        for (String p : paths) script.append("rm -rf '").append(p).append("'; ");
        script.append("systemctl daemon-reload");
        ssh(host, script.toString());
    }

    static String tcpAnswer(LabHost host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.address(), port), 5000);
            s.setSoTimeout(5000);
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            return r.readLine();
        }
    }
}

package dev.jsock.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Decides when a booted host is usable: sshd accepting TCP is not enough (it may not have read the
 * key yet), so a real {@code ssh} command with the lab key must succeed too, after boot has finished.
 */
final class SshProbe {
    private final Path privateKey;

    SshProbe(Path privateKey) {
        this.privateKey = privateKey;
    }

    void awaitReady(LabHost host, Duration timeout, Path log, BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portOpen(host) || !sshWorks(host)) {
            if (!alive.getAsBoolean()) {
                throw Shell.error(host.name() + " stopped while booting; the end of its console log " + log + ":\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw Shell.error(host.name() + " (" + host.address() + ") did not answer SSH within " + timeout.toSeconds()
                        + " s; its console log is " + log);
            }
            sleep(200);
        }
    }

    static boolean portOpen(LabHost host) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.address(), host.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean sshWorks(LabHost host) {
        return Shell.run(List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "ConnectTimeout=3", "-o", "LogLevel=ERROR", "-i", privateKey.toString(), "-p", Integer.toString(host.port()),
                "root@" + host.address(),
                // Also wait for systemd to finish starting up, so the first command a test runs sees a settled host.
                "systemctl is-system-running --wait >/dev/null 2>&1; exit 0")).exitCode() == 0;
    }

    /** The host's public keys as known_hosts lines, read over the network like any client would see them. */
    static String scanKeys(LabHost host) {
        Shell.Result r = Shell.run(List.of("ssh-keyscan", "-T", "5", "-p", Integer.toString(host.port()), host.address()));
        String lines = r.output().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).reduce("", (a, b) -> a + b + "\n");
        if (lines.isEmpty()) throw Shell.error("ssh-keyscan got no host keys from " + host.name() + " (" + host.address() + ")");
        return lines;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Shell.error("interrupted while waiting for SSH", e);
        }
    }
}

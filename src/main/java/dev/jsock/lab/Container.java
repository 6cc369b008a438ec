package dev.jsock.lab;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One lab host's systemd-nspawn process: boot it detached, find it again by its PID file, stop it.
 * {@code --register=no --keep-unit} are what let nspawn run where PID 1 is not systemd (no machined,
 * no system bus); {@code --volatile=overlay} makes every boot start from the clean root.
 */
final class Container {
    private final LabLayout layout;
    private final int index;

    Container(LabLayout layout, int index) {
        this.layout = layout;
        this.index = index;
    }

    String name() {
        return LabLayout.name(index);
    }

    LabHost host() {
        return LabLayout.host(index);
    }

    /** The nspawn process, if its PID file names a live nspawn for this host. */
    Optional<ProcessHandle> process() {
        Path pidFile = layout.pidFile(name());
        try {
            if (!Files.isRegularFile(pidFile)) return Optional.empty();
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isOurNspawn(pid));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean running() {
        return process().isPresent();
    }

    /** Starts the container in its own session so it outlives this JVM and ignores the terminal's Ctrl-C. */
    void boot() {
        String name = name();
        try {
            Files.writeString(layout.networkFile(name), "# Written by jsock lab\n[Match]\nName=host0\n\n[Network]\nAddress="
                    + LabLayout.address(index) + "/24\n");
            Files.writeString(layout.hostnameFile(name), name + "\n");
            // As Debian's installer writes it: without its own name here, sudo warns on every call.
            Files.writeString(layout.hostsFile(name), "127.0.0.1\tlocalhost\n127.0.1.1\t" + name
                    + "\n::1\tlocalhost ip6-localhost ip6-loopback\n");
            ProcessBuilder pb = new ProcessBuilder(List.of(
                    "setsid", "systemd-nspawn", "--quiet", "--register=no", "--keep-unit", "--boot",
                    "--directory=" + layout.root(), "--machine=" + name, "--volatile=overlay",
                    "--network-bridge=" + LabLayout.BRIDGE,
                    // 10- sorts before the image's 80-container-host0.network, so our address wins.
                    "--bind-ro=" + layout.networkFile(name) + ":/etc/systemd/network/10-host0.network",
                    "--bind-ro=" + layout.hostnameFile(name) + ":/etc/hostname",
                    "--bind-ro=" + layout.hostsFile(name) + ":/etc/hosts"))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(layout.log(name).toFile());
            Process p = pb.start();
            // setsid execs in place (a fresh child is never a group leader), so this is nspawn's PID.
            Files.writeString(layout.pidFile(name), p.pid() + "\n");
        } catch (IOException e) {
            throw Shell.error("cannot boot " + name + ": " + e.getMessage(), e);
        }
    }

    /** SIGTERM asks nspawn for an orderly shutdown of the container; SIGKILL after a grace period. */
    void stop() {
        process().ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
                p.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
            }
        });
        try {
            Files.deleteIfExists(layout.pidFile(name()));
        } catch (IOException e) {
            throw Shell.error("cannot remove " + layout.pidFile(name()) + ": " + e.getMessage(), e);
        }
    }

    private boolean isOurNspawn(long pid) {
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return cmdline.contains("systemd-nspawn") && cmdline.contains("--machine=" + name() + "\0");
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.jsock.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The Debian root every lab host boots from, built once with mmdebstrap and cached. It is built in a
 * scratch directory and renamed into place only when complete, so an interrupted build never leaves
 * a half-made cache that later boots would trust.
 */
final class RootImage {
    static final String PACKAGES = "systemd,systemd-sysv,dbus,openssh-server,python3,iproute2,curl,procps,sudo,python3-apt";

    private final LabLayout layout;
    private final PrintWriter progress;

    RootImage(LabLayout layout, PrintWriter progress) {
        this.layout = layout;
        this.progress = progress;
    }

    /** Builds the root when missing; always makes sure it trusts the lab key. */
    void ensure(String publicKey) {
        Path root = layout.root();
        if (!Files.isRegularFile(root.resolve("etc/ssh/ssh_host_ed25519_key"))) build(root);
        authorize(root, publicKey);
    }

    private void build(Path root) {
        Path scratch = layout.stateDir().resolve(root.getFileName() + ".building");
        removeTree(scratch);
        String mirror = Mirror.detect(Path.of("/etc/apt/sources.list.d/debian.sources"), Path.of("/etc/apt/sources.list"));
        say("building the lab root once (mmdebstrap bookworm from " + mirror + ", about 20 s, 270 MB)");
        long t0 = System.nanoTime();
        Shell.check(List.of("mmdebstrap", "--quiet", "--variant=minbase", "--include=" + PACKAGES, "bookworm", scratch.toString(), mirror));
        configure(scratch);
        try {
            Files.move(scratch, root, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw Shell.error("cannot move the built root into place at " + root + ": " + e.getMessage(), e);
        }
        say(String.format("lab root ready in %.1f s: %s", (System.nanoTime() - t0) / 1e9, root));
    }

    /** What makes a plain Debian root a lab host: root SSH by key, and networkd to take the bridge address. */
    private static void configure(Path root) {
        try {
            Path conf = root.resolve("etc/ssh/sshd_config.d/jsock-lab.conf");
            Files.writeString(conf, "# Written by jsock lab: root logs in with the lab key only.\nPermitRootLogin prohibit-password\nPasswordAuthentication no\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Shell.check(List.of("chroot", root.toString(), "systemctl", "enable", "systemd-networkd"));
        if (!Files.isRegularFile(root.resolve("etc/ssh/ssh_host_ed25519_key"))) {
            // Host keys made at build time are what keeps a host's identity stable across clean boots.
            Shell.check(List.of("chroot", root.toString(), "ssh-keygen", "-A"));
        }
    }

    private static void authorize(Path root, String publicKey) {
        try {
            Path dir = root.resolve("root/.ssh");
            Path keys = dir.resolve("authorized_keys");
            if (Files.isRegularFile(keys) && Files.readString(keys).equals(publicKey)) return;
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(keys, publicKey);
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw Shell.error("cannot install the lab key in " + root + ": " + e.getMessage(), e);
        }
    }

    private static void removeTree(Path dir) {
        if (Files.exists(dir)) Shell.check(List.of("rm", "-rf", "--one-file-system", dir.toString()));
    }

    private void say(String line) {
        progress.println("lab: " + line);
        progress.flush();
    }
}

package dev.jsock.lab;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Installs the Debian packages the lab needs when their commands are missing. */
final class Prereqs {
    /** Command that must be on PATH → package that provides it. */
    private static final Map<String, String> NEEDED = Map.of(
            "systemd-nspawn", "systemd-container",
            "mmdebstrap", "mmdebstrap",
            "ssh", "openssh-client",
            "ssh-keygen", "openssh-client",
            "ssh-keyscan", "openssh-client",
            "ip", "iproute2",
            "setsid", "util-linux");

    private Prereqs() {}

    static List<String> missingPackages() {
        List<String> pkgs = new ArrayList<>();
        NEEDED.forEach((cmd, pkg) -> {
            if (!Shell.onPath(cmd) && !pkgs.contains(pkg)) pkgs.add(pkg);
        });
        return pkgs;
    }

    static void ensure(PrintWriter progress) {
        if (!isRoot()) throw Shell.error("the lab boots containers and creates a bridge, so it must run as root");
        List<String> pkgs = missingPackages();
        if (pkgs.isEmpty()) return;
        progress.println("lab: installing " + String.join(" ", pkgs));
        progress.flush();
        Shell.check(List.of("apt-get", "update", "-qq"));
        List<String> install = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends"));
        install.addAll(pkgs);
        Shell.check(install);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || Shell.run(List.of("id", "-u")).output().trim().equals("0");
    }
}

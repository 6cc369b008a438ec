package dev.jsock.lab;

import java.util.List;

/** The lab's private bridge: the only network the lab hosts can reach, and the only one jsock creates. */
final class Bridge {
    private Bridge() {}

    static boolean exists() {
        return Shell.run(List.of("ip", "link", "show", "dev", LabLayout.BRIDGE)).exitCode() == 0;
    }

    static void ensure() {
        if (!exists()) {
            Shell.check(List.of("ip", "link", "add", LabLayout.BRIDGE, "type", "bridge"));
        }
        String addrs = Shell.check(List.of("ip", "-o", "addr", "show", "dev", LabLayout.BRIDGE));
        if (!addrs.contains(" " + LabLayout.GATEWAY_CIDR + " ")) {
            Shell.check(List.of("ip", "addr", "add", LabLayout.GATEWAY_CIDR, "dev", LabLayout.BRIDGE));
        }
        Shell.check(List.of("ip", "link", "set", LabLayout.BRIDGE, "up"));
    }

    static void remove() {
        if (exists()) Shell.check(List.of("ip", "link", "del", LabLayout.BRIDGE));
    }
}

package dev.jsock.lab;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab hosts shared by every lab test in one test JVM: booted on first use (enough for all ITs),
 * reused when already running (another process may have started them), and at JVM exit only the
 * hosts this JVM booted are stopped. Static state is deliberate here: it is test scaffolding whose
 * whole job is to live as long as the test JVM.
 */
public final class LabHosts {
    /** Enough hosts for every IT: jsock on one, Ansible on a sibling, spares for fault tests. */
    public static final int COUNT = 4;
    private static Lab lab;
    private static List<LabHost> hosts;

    private LabHosts() {}

    /** The first {@code n} lab hosts, booting them (once per JVM) when needed. */
    public static synchronized List<LabHost> get(int n) {
        if (hosts == null || hosts.size() < n) boot(Math.max(n, COUNT));
        return List.copyOf(hosts.subList(0, n));
    }

    public static synchronized Lab lab() {
        if (lab == null) lab = new Lab(stateDir(), new PrintWriter(System.err, true));
        return lab;
    }

    /** The lab's Ansible inventory, listing every running lab host. */
    public static Path inventory() {
        get(1);
        return lab().inventoryPath();
    }

    /** Host variables for jsock's connection factory, as the lab inventory would give them. */
    public static Map<String, Object> vars(LabHost host) {
        Map<String, Object> v = new HashMap<>();
        v.put("ansible_host", host.address());
        v.put("ansible_port", host.port());
        v.put("ansible_user", "root");
        v.put("ansible_ssh_private_key_file", lab().privateKey().toString());
        v.put("jsock_known_hosts", lab().knownHosts().toString());
        return v;
    }

    private static Path stateDir() {
        return Path.of(System.getProperty("jsock.lab.dir", Lab.DEFAULT_STATE_DIR.toString()));
    }

    private static void boot(int n) {
        Lab l = lab();
        List<LabHost> before = l.running();
        hosts = l.up(n);
        List<LabHost> mine = new ArrayList<>(hosts);
        mine.removeAll(before);
        if (!mine.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> l.stop(mine), "jsock-lab-down"));
        }
    }
}

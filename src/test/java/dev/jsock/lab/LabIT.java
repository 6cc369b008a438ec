package dev.jsock.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("lab")
class LabIT {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--state-dir";
        full[args.length + 1] = LabHosts.lab().stateDir().toString();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), full);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static int sh(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void statusListsRunningHosts() {
        List<LabHost> hosts = LabHosts.get(2);
        String[] r = run("lab", "status");
        assertThat(r[0]).isEqualTo("0");
        for (LabHost h : hosts) assertThat(r[1]).contains(h.name()).contains(h.address() + ":22");
    }

    @Test
    void statusJsonNamesInventoryAndHosts() {
        LabHosts.get(1);
        String[] r = run("lab", "status", "--json");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("\"inventory\" : \"" + LabHosts.inventory() + "\"").contains("\"name\" : \"jsock-lab-1\"");
    }

    @Test
    void upIsIdempotentAndQuickWhenHostsRun() {
        List<LabHost> hosts = LabHosts.get(2);
        long t0 = System.nanoTime();
        assertThat(LabHosts.lab().up(2)).isEqualTo(hosts);
        assertThat((System.nanoTime() - t0) / 1_000_000_000.0).isLessThan(10.0);
    }

    @Test
    void inventoryIsWrittenAndListsHosts() throws Exception {
        LabHost h = LabHosts.get(1).get(0);
        String text = LabHosts.lab().inventory();
        assertThat(Files.readString(LabHosts.inventory())).isEqualTo(text);
        assertThat(text).contains(h.name() + " ansible_host=" + h.address());
    }

    @Test
    void openSshVerifiesLabHostsStrictlyWithRecordedKeys() throws Exception {
        LabHost h = LabHosts.get(1).get(0);
        Lab lab = LabHosts.lab();
        assertThat(sh("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + lab.knownHosts(),
                "-i", lab.privateKey().toString(), "root@" + h.address(), "systemctl is-active systemd-networkd")).isZero();
    }

    @Test
    void ansibleCanUseTheInventory() throws Exception {
        LabHost h = LabHosts.get(1).get(0);
        assertThat(sh("ansible", "-i", LabHosts.inventory().toString(), h.name(), "-m", "ping")).isZero();
    }
}

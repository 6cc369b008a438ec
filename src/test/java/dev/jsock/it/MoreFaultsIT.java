package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jsock.cli.Main;
import dev.jsock.it.FaultIT.Run;
import dev.jsock.lab.Lab;
import dev.jsock.lab.LabHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need a host of their own: the host is stopped mid-run, its filesystem is full, or the
 * sudo password is wrong. They all run on jsock-lab-7, which no other test uses, so stopping it or
 * mounting over its directories cannot disturb them; jsock-lab-6 plays the healthy host beside it.
 * The lab boots hosts with a volatile overlay, so restarting jsock-lab-7 gives it back clean.
 */
@Tag("lab")
class MoreFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VICTIM = 7;
    private static final int HEALTHY = 6;
    private static Lab lab;
    private static LabHost victim;
    private static LabHost healthy;

    @TempDir
    Path dir;

    @BeforeAll
    static void boot() {
        // through LabHosts, so the hosts this run boots are stopped when the run ends
        lab = dev.jsock.lab.LabHosts.lab();
        List<LabHost> hosts = dev.jsock.lab.LabHosts.get(VICTIM);
        victim = hosts.get(VICTIM - 1);
        healthy = hosts.get(HEALTHY - 1);
    }

    @Test
    void aHostStoppedMidRunIsReportedUnreachableAndTheOtherHostCompletes() throws Exception {
        String d = freshDir("stopped");
        Path pb = write("stopped.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: content="before\\n" dest=D/before.txt
                    - name: sleeper
                      command: sleep 5
                    - copy: content="after\\n" dest=D/after.txt
                """.replace("D", d));
        Path inv = inventory("");
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> jsock("apply", "--json", "-i", inv.toString(), pb.toString()));
        try {
            assertThat(awaitSleep(victim)).as("the sleeper started on %s", victim.name()).isTrue();
            lab.stop(List.of(victim));
            Run r = run.get(90, TimeUnit.SECONDS);

            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
            JsonNode stats = JSON.readTree(r.out()).get("stats");
            assertThat(stats.get(victim.name()).get("unreachable").asInt()).isEqualTo(1);
            assertThat(stats.get(healthy.name()).get("unreachable").asInt()).isZero();
            assertThat(stats.get(healthy.name()).get("failed").asInt()).isZero();
            assertThat(stats.get(healthy.name()).get("changed").asInt()).isEqualTo(3);
            assertThat(HostProbe.ssh(healthy, "cat " + d + "/before.txt " + d + "/after.txt")).isEqualTo("before\nafter\n");
            assertThat(unreachableMessage(r.out(), victim.name())).as(r.out())
                    .contains("Failed to connect to the host via ssh");
        } finally {
            run.cancel(true);
            lab.up(VICTIM);
        }
    }

    @Test
    void aFullFilesystemFailsTheWriteWithNoSpaceAndKeepsTheOldFileWhole() throws Exception {
        String mnt = "/opt/full-" + UUID.randomUUID().toString().substring(0, 8);
        // A 64 KiB tmpfs holding the old file; the new content (200 KB) cannot fit beside it.
        HostProbe.ssh(victim, "mkdir -p " + mnt + " && mount -t tmpfs -o size=64k tmpfs " + mnt
                + " && printf 'old copy\\n' > " + mnt + "/app.conf && printf 'old template\\n' > " + mnt + "/t.conf");
        try {
            Path big = dir.resolve("big.conf");
            Files.writeString(big, "y".repeat(200_000) + "\n");
            Files.writeString(dir.resolve("t.j2"), "z".repeat(200_000) + "\n{{ inventory_hostname }}\n");
            Path pb = write("full.yml", """
                    - hosts: jsock-lab-7
                      gather_facts: false
                      tasks:
                        - copy: src=@SRC@ dest=@M@/app.conf
                          ignore_errors: true
                        - template: src=@T@ dest=@M@/t.conf
                    """.replace("@SRC@", big.toString()).replace("@M@", mnt).replace("@T@", dir.resolve("t.j2").toString()));
            Run r = jsock("apply", "-i", inventory("").toString(), pb.toString());

            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(r.out()).contains("No space left on device").doesNotContain("Exception").doesNotContain("internal error");
            assertThat(HostProbe.ssh(victim, "cat " + mnt + "/app.conf " + mnt + "/t.conf")).isEqualTo("old copy\nold template\n");
            assertThat(HostProbe.ssh(victim, "ls -A " + mnt)).isEqualTo("app.conf\nt.conf\n");
        } finally {
            HostProbe.ssh(victim, "umount " + mnt + "; rmdir " + mnt);
        }
    }

    @Test
    void aWrongSudoPasswordFailsTheHostSayingSoAndChangesNothing() throws Exception {
        // A login user that needs its password for sudo, reached with the lab key.
        HostProbe.ssh(victim, "id jsdeploy >/dev/null 2>&1 || useradd -m -s /bin/bash jsdeploy; "
                + "echo 'jsdeploy:right-pass' | chpasswd; "
                + "echo 'jsdeploy ALL=(ALL) ALL' > /etc/sudoers.d/jsdeploy; chmod 0440 /etc/sudoers.d/jsdeploy; "
                + "install -d -m 0700 -o jsdeploy -g jsdeploy ~jsdeploy/.ssh; "
                + "install -m 0600 -o jsdeploy -g jsdeploy /dev/null ~jsdeploy/.ssh/authorized_keys; "
                + "printf '%s\\n' '" + Files.readString(lab.privateKey().resolveSibling("id_ed25519.pub")).strip()
                + "' > ~jsdeploy/.ssh/authorized_keys; "
                + "rm -rf /etc/jsock-sudo; mkdir /etc/jsock-sudo; printf 'old\\n' > /etc/jsock-sudo/app.conf");
        Path pb = write("sudo.yml", """
                - hosts: jsock-lab-7
                  gather_facts: false
                  become: true
                  tasks:
                    - copy: content="new\\n" dest=/etc/jsock-sudo/app.conf
                    - command: touch /etc/jsock-sudo/ran
                """);
        String as = "ansible_user=jsdeploy ansible_become_password=";

        Run wrong = jsockWithin(60, "apply", "-i", inventory(as + "wrong-pass").toString(), pb.toString());
        assertThat(wrong.code()).as(wrong.out() + wrong.err()).isEqualTo(2);
        assertThat(wrong.out()).contains("FAILED!").contains("Incorrect sudo password");
        assertThat(wrong.out() + wrong.err()).doesNotContain("wrong-pass");
        assertThat(HostProbe.ssh(victim, "ls -A /etc/jsock-sudo; cat /etc/jsock-sudo/app.conf")).isEqualTo("app.conf\nold\n");

        Run none = jsockWithin(60, "apply", "-i", inventory("ansible_user=jsdeploy").toString(), pb.toString());
        assertThat(none.code()).as(none.out() + none.err()).isEqualTo(2);
        assertThat(none.out()).contains("Missing sudo password");
        assertThat(HostProbe.ssh(victim, "ls -A /etc/jsock-sudo; cat /etc/jsock-sudo/app.conf")).isEqualTo("app.conf\nold\n");

        Run right = jsockWithin(60, "apply", "-v", "-i", inventory(as + "right-pass").toString(), pb.toString());
        assertThat(right.code()).as(right.out() + right.err()).isZero();
        assertThat(right.out() + right.err()).doesNotContain("right-pass");
        assertThat(HostProbe.ssh(victim, "stat -c '%U %a' /etc/jsock-sudo/app.conf /etc/jsock-sudo/ran; cat /etc/jsock-sudo/app.conf"))
                .isEqualTo("root 644\nroot 644\nnew\n");
    }

    /** jsock in this JVM, failing the test (rather than hanging) if it waits for a password forever. */
    private Run jsockWithin(int seconds, String... args) throws Exception {
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> jsock(args));
        try {
            return run.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("jsock did not finish within " + seconds + " s (waiting for a sudo password?)", e);
        }
    }

    private Run jsock(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The msg of the victim's unreachable result in the --json output. */
    private static String unreachableMessage(String json, String host) throws IOException {
        StringBuilder msgs = new StringBuilder();
        for (JsonNode play : JSON.readTree(json).path("plays")) {
            for (JsonNode task : play.path("tasks")) {
                JsonNode h = task.path("hosts").path(host);
                if (h.path("status").asText().equals("unreachable")) msgs.append(h.path("msg").asText()).append('\n');
            }
        }
        return msgs.toString();
    }

    /** Waits until {@code sleep 5} runs on the host (jsock's sleeper task), up to 30 s. */
    private static boolean awaitSleep(LabHost host) throws IOException, InterruptedException {
        String script = "for i in $(seq 1 300); do pgrep -x sleep >/dev/null && { echo running; exit 0; }; sleep 0.1; done; echo missed";
        return HostProbe.ssh(host, script).contains("running");
    }

    private Path inventory(String victimVars) throws IOException {
        Path inv = dir.resolve("inventory.ini");
        Files.writeString(inv, "[lab]\n"
                + healthy.name() + " ansible_host=" + healthy.address() + " ansible_port=" + healthy.port() + " ansible_user=root\n"
                + victim.name() + " ansible_host=" + victim.address() + " ansible_port=" + victim.port() + " "
                + (victimVars.isEmpty() ? "ansible_user=root" : victimVars) + "\n"
                + "\n[lab:vars]\nansible_ssh_private_key_file=" + lab.privateKey() + "\n"
                + "jsock_known_hosts=" + lab.knownHosts() + "\n");
        return inv;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** An empty directory under /tmp on both hosts, unique to this call. */
    private static String freshDir(String name) throws IOException, InterruptedException {
        String d = "/tmp/jsock-fault2/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        HostProbe.ssh(healthy, "mkdir -p " + d);
        HostProbe.ssh(victim, "mkdir -p " + d);
        return d;
    }
}

package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jsock.cli.Main;
import dev.jsock.lab.LabHost;
import dev.jsock.lab.LabHosts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a run on real lab hosts (jsock-lab-1 and jsock-lab-2 only): an unreachable host, a
 * task failing on one host, a file write that fails or whose connection is cut mid-upload, and
 * Ctrl-C. After each, the exit code says what happened and no host holds a half-written file.
 */
@Tag("lab")
class FaultIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An address on the lab bridge that no host answers: connecting times out. */
    static final String GHOST = "ghost ansible_host=10.231.47.250 ansible_ssh_timeout=3";
    private static Rig rig;

    @TempDir
    Path dir;

    @BeforeAll
    static void boot() {
        rig = Rig.boot();
    }

    @Test
    void anUnreachableHostExitsFourWhileTheReachableOneCompletesEveryTask() throws Exception {
        String d = rig.freshDir("unreach");
        Path pb = write("unreach.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: content="one\\n" dest=D/one.txt
                    - command: echo middle
                    - copy: content="last\\n" dest=D/last.txt
                """.replace("D", d));
        Run r = rig.jsock(dir, GHOST, "apply", "--json", "-l", "jsock-lab-1:ghost", pb.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(4);
        JsonNode stats = JSON.readTree(r.out()).get("stats");
        assertThat(stats.get("ghost").get("unreachable").asInt()).isEqualTo(1);
        assertThat(stats.get(rig.one().name()).get("unreachable").asInt()).isZero();
        assertThat(stats.get(rig.one().name()).get("failed").asInt()).isZero();
        assertThat(stats.get(rig.one().name()).get("changed").asInt()).isEqualTo(3);
        assertThat(HostProbe.ssh(rig.one(), "cat " + d + "/one.txt " + d + "/last.txt")).isEqualTo("one\nlast\n");
    }

    @Test
    void aTaskFailingOnOneHostExitsTwoAndTheOtherHostCompletesThePlay() throws Exception {
        String d = rig.freshDir("onefails");
        Path pb = write("onefails.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - copy: content="before\\n" dest=D/before.txt
                    - command: /bin/false
                      when: inventory_hostname == 'jsock-lab-2'
                    - copy: content="after\\n" dest=D/after.txt
                """.replace("D", d));
        Run r = rig.jsock(dir, "", "apply", "--json", "-l", "jsock-lab-1:jsock-lab-2", pb.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        JsonNode stats = JSON.readTree(r.out()).get("stats");
        assertThat(stats.get("jsock-lab-2").get("failed").asInt()).isEqualTo(1);
        assertThat(stats.get("jsock-lab-1").get("failed").asInt()).isZero();
        assertThat(HostProbe.ssh(rig.one(), "cat " + d + "/before.txt " + d + "/after.txt")).isEqualTo("before\nafter\n");
        // the failing host stopped its own play at the failure
        assertThat(HostProbe.ssh(rig.two(), "cat " + d + "/before.txt; test -e " + d + "/after.txt && echo after-exists"))
                .isEqualTo("before\n");
    }

    @Test
    void aWriteThatFailsValidationKeepsTheOldFileAndLeavesNoTempFile() throws Exception {
        String d = rig.freshDir("validate");
        HostProbe.ssh(rig.one(), "printf 'old copy\\n' > " + d + "/c.conf; printf 'old template\\n' > " + d + "/t.conf");
        Files.writeString(dir.resolve("t.j2"), "new {{ inventory_hostname }}\n");
        Path pb = write("validate.yml", """
                - hosts: jsock-lab-1
                  gather_facts: false
                  tasks:
                    - copy:
                        content: "new copy\\n"
                        dest: D/c.conf
                        validate: /bin/false %s
                      ignore_errors: true
                    - template:
                        src: T
                        dest: D/t.conf
                        validate: /bin/sh -c 'exit 3' %s
                """.replace("D", d).replace("T", dir.resolve("t.j2").toString()));
        Run r = rig.jsock(dir, "", "apply", pb.toString());

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("failed to validate");
        assertThat(HostProbe.ssh(rig.one(), "cat " + d + "/c.conf " + d + "/t.conf")).isEqualTo("old copy\nold template\n");
        assertThat(tempFiles(rig.one(), d)).isEmpty();
    }

    @Test
    void aConnectionCutMidUploadLeavesTheOldFileWholeAndNoTempFile() throws Exception {
        String d = rig.freshDir("cut");
        String unique = "cut-" + UUID.randomUUID().toString().substring(0, 8);
        String dest = d + "/" + unique + ".conf";
        HostProbe.ssh(rig.one(), "printf 'old\\n' > " + dest);
        // 64 MiB: the transfer takes long enough for the host side to see the temp file and cut the session
        Path big = dir.resolve("big.txt");
        byte[] line = (("x".repeat(99)) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 64 * 1024 * 1024 / line.length; i++) out.write(line);
        }
        long bigSize = Files.size(big);
        Path pb = write("cut.yml", """
                - hosts: jsock-lab-1
                  gather_facts: false
                  tasks:
                    - copy: src=SRC dest=DEST
                """.replace("SRC", big.toString()).replace("DEST", dest));
        // On the host: wait for jsock's temp file, then kill the sshd session whose shell is writing it
        // (the oldest process naming the temp file; the bracket keeps this script from matching itself).
        String cutter = "for i in $(seq 1 1500); do "
                + "p=$(pgrep -o -f 'jsock-tmp.*[" + unique.charAt(0) + "]" + unique.substring(1) + "'); "
                + "if [ -n \"$p\" ]; then sleep 0.05; kill -TERM $(ps -o ppid= -p $p); echo cut; exit 0; fi; sleep 0.01; done; echo missed";
        CompletableFuture<String> cut = CompletableFuture.supplyAsync(() -> {
            try {
                return HostProbe.ssh(rig.one(), cutter);
            } catch (IOException | InterruptedException e) {
                return e.toString();
            }
        });
        Thread.sleep(300);
        Run r = rig.jsock(dir, "", "apply", pb.toString());
        assertThat(cut.get(30, TimeUnit.SECONDS)).as("the cutter found the upload").contains("cut");

        assertThat(r.code()).as(r.out()).isEqualTo(4);
        assertThat(r.out()).contains("UNREACHABLE!");
        // the host's shell cleans up after the cut; give it a moment
        String size = "";
        List<String> temps = List.of();
        for (int i = 0; i < 50; i++) {
            size = HostProbe.ssh(rig.one(), "wc -c < " + dest).strip();
            temps = tempFiles(rig.one(), d);
            if (temps.isEmpty()) break;
            Thread.sleep(100);
        }
        assertThat(size).as("old (4 bytes) or new (%d bytes), never partial", bigSize).isIn("4", String.valueOf(bigSize));
        assertThat(temps).isEmpty();
    }

    @Test
    void ctrlCExitsNinetyNineSoonAndLeavesNoTempFiles() throws Exception {
        String d = rig.freshDir("ctrlc");
        Path inv = rig.inventory(dir, "");
        Path pb = write("ctrlc.yml", """
                - hosts: jsock-lab-2
                  gather_facts: false
                  tasks:
                    - name: first
                      copy: content="first\\n" dest=D/first.txt
                    - name: sleeper
                      command: sleep 30
                    - name: never
                      copy: content="never\\n" dest=D/never.txt
                """.replace("D", d));
        Process p = JsockProcess.start(List.of("apply", "-i", inv.toString(), pb.toString()));
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> copy(p.getInputStream(), seen));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!seen.toString(StandardCharsets.UTF_8).contains("TASK [sleeper]") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(seen.toString(StandardCharsets.UTF_8)).as("jsock reached the sleeping task").contains("TASK [sleeper]");
        Thread.sleep(500);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).inheritIO().start().waitFor();

        boolean exited = p.waitFor(10, TimeUnit.SECONDS);
        if (!exited) p.destroyForcibly();
        reader.get(5, TimeUnit.SECONDS);
        assertThat(exited).as("jsock exited within 10 s of SIGINT; output: %s", seen).isTrue();
        assertThat(p.exitValue()).as(seen.toString(StandardCharsets.UTF_8)).isEqualTo(99);
        assertThat(seen.toString(StandardCharsets.UTF_8)).contains("User interrupted execution").doesNotContain("TASK [never]");
        assertThat(HostProbe.ssh(rig.two(), "cat " + d + "/first.txt; test -e " + d + "/never.txt && echo never-exists"))
                .isEqualTo("first\n");
        assertThat(tempFiles(rig.two(), d)).isEmpty();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static List<String> tempFiles(LabHost host, String remoteDir) throws IOException, InterruptedException {
        String out = HostProbe.ssh(host, "find " + remoteDir + " -name '*.jsock-tmp-*'");
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (to) {
                    to.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is all there is
        }
    }

    record Run(int code, String out, String err) {}

    /**
     * The two fault hosts and a way to run jsock against them with an inventory of their own: only
     * jsock-lab-1 and jsock-lab-2, plus any extra line (e.g. {@link #GHOST}).
     */
    record Rig(LabHost one, LabHost two) {
        static Rig boot() {
            List<LabHost> hosts = LabHosts.get(LabHosts.COUNT);
            return new Rig(hosts.get(0), hosts.get(1));
        }

        Path inventory(Path dir, String extraLine) throws IOException {
            Path inv = dir.resolve("inventory.ini");
            Files.writeString(inv, "[lab]\n"
                    + one.name() + " ansible_host=" + one.address() + " ansible_port=" + one.port() + "\n"
                    + two.name() + " ansible_host=" + two.address() + " ansible_port=" + two.port() + "\n"
                    + extraLine + "\n\n[lab:vars]\nansible_user=root\n"
                    + "ansible_ssh_private_key_file=" + LabHosts.lab().privateKey() + "\n"
                    + "jsock_known_hosts=" + LabHosts.lab().knownHosts() + "\n");
            return inv;
        }

        /** Runs jsock in this JVM with -i pointing at a fresh fault inventory. */
        Run jsock(Path dir, String extraInventoryLine, String... args) throws IOException {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(1, List.of("-i", inventory(dir, extraInventoryLine).toString()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
            return new Run(code, out.toString(), err.toString());
        }

        /** An empty directory under /tmp on both fault hosts, unique to this call. */
        String freshDir(String name) throws IOException, InterruptedException {
            String d = "/tmp/jsock-fault/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
            HostProbe.ssh(one, "mkdir -p " + d);
            HostProbe.ssh(two, "mkdir -p " + d);
            return d;
        }
    }

    /** jsock as a separate process, as a user runs it, so a real SIGINT can reach it. */
    static final class JsockProcess {
        private JsockProcess() {}

        static Process start(List<String> args) throws IOException {
            List<String> cmd = new ArrayList<>();
            // A JVM that inherits SIGINT as ignored (a background job of a non-interactive shell)
            // never installs its handler; exec through python3 with the default disposition restored,
            // as an interactive terminal would give it.
            cmd.addAll(List.of("python3", "-c",
                    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-jar");
            cmd.add(jar().toString());
            cmd.addAll(args);
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        }

        /** The shaded jar of this build: the one Failsafe put on the class path, else the newest target*&#47;jsock.jar. */
        static Path jar() throws IOException {
            try {
                Path here = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (here.getFileName().toString().equals("jsock.jar")) return here;
                Path sibling = here.getParent().resolve("jsock.jar");
                if (Files.isRegularFile(sibling)) return sibling;
            } catch (java.net.URISyntaxException | RuntimeException e) {
                // fall back to searching the project directory
            }
            Path base = Path.of(System.getProperty("basedir", "."));
            Path standard = base.resolve("target").resolve("jsock.jar");
            try (Stream<Path> dirs = Files.list(base)) {
                return dirs.filter(p -> p.getFileName().toString().startsWith("target"))
                        .map(p -> p.resolve("jsock.jar")).filter(Files::isRegularFile)
                        .max(Comparator.comparing(FaultIT.JsockProcess::modified))
                        .orElse(standard);
            }
        }

        private static java.nio.file.attribute.FileTime modified(Path p) {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return java.nio.file.attribute.FileTime.fromMillis(0);
            }
        }
    }
}

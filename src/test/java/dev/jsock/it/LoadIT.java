package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.cli.Main;
import dev.jsock.lab.LabHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load: an Accept=yes service deployed by jsock answers a bounded burst of connections without
 * losing one, and repeated runs leave no threads or file descriptors behind in the jsock process.
 */
@Tag("lab")
class LoadIT {
    @TempDir
    Path dir;

    private static int run(String... args) {
        StringWriter sink = new StringWriter();
        return Main.run(new PrintWriter(sink), new PrintWriter(sink), args);
    }

    private static String echo(LabHost host, String text) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.address(), 7007), 5000);
            s.setSoTimeout(15000);
            OutputStream out = s.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void acceptYesServiceAnswersAThousandConnectionsWithoutLosingOne() throws Exception {
        LabHost host = LabTestHosts.hosts().get(LabTestHosts.examplesIndex());
        String inv = LabTestHosts.inventory().toString();
        // systemd stops a socket that triggers more than TriggerLimitBurst times in the interval
        // (200 per 2 s for Accept=yes); a service built for bursts raises it, as this one does.
        run("teardown", "--name", "echo", "-i", inv, "-l", host.name());
        assertThat(run("apply", "playbooks/echo.yml", "-i", inv, "-l", host.name(),
                "-e", "{\"socket_socket_extra\": {\"TriggerLimitIntervalSec\": \"1s\", \"TriggerLimitBurst\": \"5000\"}}")).isZero();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String text = "connection " + i + "\n";
                results.add(pool.submit(() -> echo(host, text).equals(text)));
            }
            int ok = 0;
            for (Future<Boolean> f : results) if (f.get(60, TimeUnit.SECONDS)) ok++;
            assertThat(ok).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
            run("teardown", "--name", "echo", "-i", inv, "-l", host.name());
        }
    }

    @Test
    void twentyRunsOnTenHostsLeakNoThreadsOrFileDescriptors() throws Exception {
        Path playbook = dir.resolve("touch.yml");
        Files.writeString(playbook, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - file: path=/tmp/jsock-load state=directory
                    - copy: content="load\\n" dest=/tmp/jsock-load/f.txt
                    - command: "true"
                      changed_when: false
                """);
        List<LabHost> hosts = dev.jsock.lab.LabHosts.get(10);
        String inv = LabTestHosts.inventory().toString();
        String limit = String.join(",", hosts.stream().map(LabHost::name).toList());
        assertThat(run("apply", playbook.toString(), "-i", inv, "-l", limit)).isZero();
        int threadsBefore = Thread.activeCount();
        long fdsBefore = openFds();
        for (int i = 0; i < 20; i++) assertThat(run("apply", playbook.toString(), "-i", inv, "-l", limit)).isZero();
        Thread.sleep(500);
        assertThat(Thread.activeCount()).as("threads").isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(openFds()).as("file descriptors").isLessThanOrEqualTo(fdsBefore + 5);
    }

    private static long openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}

package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.cli.Main;
import dev.jsock.lab.LabHost;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on one host at once: the second waits for the first, or fails clearly when told not to wait long. */
@Tag("lab")
class RunLockIT {
    @TempDir
    Path dir;

    private record Run(int code, String out) {}

    private static Run jsock(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(out), args);
        return new Run(code, out.toString());
    }

    @Test
    void aSecondRunWaitsForTheFirstOrFailsClearly() throws Exception {
        LabHost host = LabTestHosts.hosts().get(LabTestHosts.examplesIndex());
        String inv = LabTestHosts.inventory().toString();
        Path slow = dir.resolve("slow.yml");
        Files.writeString(slow, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - command: sleep 4
                      changed_when: false
                """);
        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> jsock("apply", slow.toString(), "-i", inv, "-l", host.name()));
        Thread.sleep(1500);
        Run impatient = jsock("apply", slow.toString(), "-i", inv, "-l", host.name(), "-e", "jsock_lock_timeout=1");
        assertThat(impatient.code()).isEqualTo(4);
        assertThat(impatient.out()).contains("another jsock run holds the lock on " + host.name());
        long start = System.nanoTime();
        Run patient = jsock("apply", slow.toString(), "-i", inv, "-l", host.name());
        assertThat(patient.code()).as(patient.out()).isZero();
        assertThat(first.get().code()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the first run, then slept itself").isGreaterThan(5000);
    }
}

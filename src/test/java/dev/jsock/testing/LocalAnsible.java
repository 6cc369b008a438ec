package dev.jsock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The reference run of the differential tests: ansible-playbook on this machine (localhost), output kept in ansible.log. */
public final class LocalAnsible {
    private LocalAnsible() {}

    /** Runs {@code work/playbook.yml} against localhost and requires it to succeed. */
    public static void runPlaybook(Path work) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("ansible-playbook", "-i", "localhost,", "playbook.yml")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("ansible.log").toFile());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCALHOST_WARNING", "False");
        pb.environment().put("ANSIBLE_INVENTORY_UNPARSED_WARNING", "False");
        pb.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "False");
        Process process = pb.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ansible-playbook finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("ansible.log"))).isZero();
    }
}

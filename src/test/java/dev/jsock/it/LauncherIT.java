package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jsock as users run it: the first apply after a build that does the real work (not --help,
 * --syntax-check or a failing load) records the classes it loads and dumps the class-data-sharing
 * archive next to the jar; the archive is one the JVM accepts (checked with
 * -Xshare:on, which refuses to start on a bad or stale archive), and later runs work with it.
 */
@Tag("lab")
class LauncherIT {
    @TempDir
    Path dir;

    private record Run(int code, String out) {}

    private static Run run(List<String> cmd, Path jar) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JSOCK_JAR", jar.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theFirstRealApplyBuildsAnArchiveTheJvmAcceptsAndLaterRunsUseIt() throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("jsock.jar", "target/jsock.jar")), dir.resolve("jsock.jar"));
        Path jsa = dir.resolve("jsock.jsa");
        Path pb = Files.writeString(dir.resolve("site.yml"), """
                - hosts: all
                  connection: local
                  gather_facts: false
                  tasks:
                    - copy: content="archived\\n" dest=%s
                """.formatted(dir.resolve("out.txt")));
        String launcher = Path.of("bin/jsock").toAbsolutePath().toString();

        // runs that load only a fraction of the classes must not train the archive
        Run help = run(List.of(launcher, "apply", "--help"), jar);
        assertThat(help.code()).as(help.out()).isZero();
        Run syntax = run(List.of(launcher, "apply", pb.toString(), "-i", "localhost,", "--syntax-check"), jar);
        assertThat(syntax.code()).as(syntax.out()).isZero();
        Run missing = run(List.of(launcher, "apply", dir.resolve("missing.yml").toString(), "-i", "localhost,"), jar);
        assertThat(missing.code()).isNotZero();
        assertThat(jsa).doesNotExist();

        Run first = run(List.of(launcher, "apply", pb.toString(), "-i", "localhost,"), jar);
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(jsa).exists();
        assertThat(dir.toFile().list()).as("no temporary files left").containsExactlyInAnyOrder("jsock.jar", "jsock.jsa", "site.yml", "out.txt");

        Run strict = run(List.of("java", "-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-jar", jar.toString(), "--version"), jar);
        assertThat(strict.code()).as(strict.out()).isZero();
        assertThat(strict.out()).startsWith("jsock ");

        Run again = run(List.of(launcher, "apply", pb.toString(), "-i", "localhost,"), jar);
        assertThat(again.code()).as(again.out()).isZero();
        assertThat(again.out()).contains("changed=0");
    }
}

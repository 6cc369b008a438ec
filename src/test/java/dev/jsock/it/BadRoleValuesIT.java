package dev.jsock.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsafe values for the shipped systemd_socket role (src/test/resources/bad/role-*: a
 * {@code role-vars.yml} and its {@code expected.txt}) on jsock-lab-1: each run fails the host (exit
 * 2) in the role's validation, names the variable and shows the value, and leaves nothing on the
 * host — no unit, staging, backup or manifest file named jsbad*, and no /tmp/pwned* from a value
 * that tried to run a command.
 */
@Tag("lab")
class BadRoleValuesIT {
    private static final Path BAD = Path.of("src/test/resources/bad");
    private static final String LEFTOVERS = "find /etc/systemd /run /var/lib/jsock -name '*jsbad*' 2>/dev/null; ls -d /tmp/pwned* 2>/dev/null; true";
    private static FaultIT.Rig rig;

    @TempDir
    static Path dir;

    @BeforeAll
    static void boot() {
        rig = FaultIT.Rig.boot();
    }

    @TestFactory
    Stream<DynamicTest> everyUnsafeValueStopsTheHostBeforeAnythingIsWritten() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            List<Path> cases = s.filter(p -> Files.exists(p.resolve("role-vars.yml"))).sorted().toList();
            assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
            return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
        }
    }

    private void check(Path caseDir) throws Exception {
        Map<String, String> expected = expected(caseDir.resolve("expected.txt"));
        Path work = Files.createDirectories(dir.resolve(caseDir.getFileName().toString()));
        Files.copy(caseDir.resolve("role-vars.yml"), work.resolve("role-vars.yml"));
        Path pb = work.resolve("site.yml");
        Files.writeString(pb, """
                - hosts: jsock-lab-1
                  gather_facts: false
                  vars_files: [role-vars.yml]
                  roles: [systemd_socket]
                """);
        assertThat(HostProbe.ssh(rig.one(), LEFTOVERS)).as("clean before").isBlank();

        FaultIT.Run r = rig.jsock(work, "", "apply", pb.toString());

        String all = r.out() + r.err();
        assertThat(r.code()).as(all).isEqualTo(Integer.parseInt(expected.get("exit")));
        assertThat(all).contains(expected.get("message"), expected.get("value"), expected.get("at"));
        assertThat(all).doesNotContain("Exception", "\tat dev.jsock");
        assertThat(HostProbe.ssh(rig.one(), LEFTOVERS)).as("left on the host").isBlank();
    }

    private static Map<String, String> expected(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int i = line.indexOf(": ");
            if (i > 0) m.put(line.substring(0, i), line.substring(i + 2));
        }
        return m;
    }
}

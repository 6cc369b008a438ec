package dev.jsock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus, end to end through the CLI: every directory under src/test/resources/bad/
 * (except those whose expected.txt asks for a lab host) is one case — a playbook {@code site.yml}
 * with whatever files it refers to, and {@code expected.txt}:
 * <pre>
 * exit: 4                     the exit code (4 parse, 5 options, 2 a task failed on the host)
 * message: fragment           must appear in the output
 * at: site.yml:4:7            where: must appear too (absent when Ansible gives no position either)
 * args: --forks 0             extra command-line arguments (optional)
 * generate: huge              the playbook is generated at test time (optional)
 * </pre>
 * The host is this machine with connection: local, and every case fails before writing anything:
 * the {@code @TMP@} directory its tasks name must still not exist afterwards. No case may print a
 * Java stack trace or exception class.
 */
class BadInputTest {
    private static final Path BAD = Path.of("src/test/resources/bad");

    @TempDir
    Path dir;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> !Files.exists(p.resolve("role-vars.yml")))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithTheExpectedCodeMessageAndPosition(String name) throws IOException {
        Path work = dir.resolve(name);
        copyTree(BAD.resolve(name), work);
        Map<String, String> expected = expected(work.resolve("expected.txt"));
        Path untouched = dir.resolve("out");
        prepare(work, expected.get("generate"), untouched);
        Path inventory = dir.resolve("inventory");
        Files.writeString(inventory, "localhost ansible_connection=local\n");

        List<String> args = new ArrayList<>(List.of("apply"));
        List<String> extra = expected.containsKey("args") ? Arrays.asList(expected.get("args").split("\\s+")) : List.of();
        if (!extra.contains("-i")) args.addAll(List.of("-i", inventory.toString()));
        args.addAll(extra);
        args.add(work.resolve("site.yml").toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));

        String all = out + "\n" + err;
        assertThat(code).as(all).isEqualTo(Integer.parseInt(expected.get("exit")));
        assertThat(all).contains(expected.get("message"));
        if (expected.containsKey("at")) assertThat(all).contains(expected.get("at"));
        assertThat(all).doesNotContain("Exception", "\tat dev.jsock", "at java.", "internal error");
        assertThat(untouched).as("nothing written").doesNotExist();
    }

    private static void prepare(Path work, String generate, Path untouched) throws IOException {
        if ("huge".equals(generate)) {
            // just over SnakeYAML's 3 MiB code-point limit: a real, well-formed but absurd playbook
            try (Writer w = Files.newBufferedWriter(work.resolve("site.yml"), StandardCharsets.UTF_8)) {
                w.write("- hosts: all\n  gather_facts: false\n  tasks:\n");
                for (int i = 0; i < 120_000; i++) w.write("    - debug: msg=line" + i + "\n");
            }
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String text = new String(bytes, StandardCharsets.UTF_8);
                // binary and non-UTF-8 cases are left byte for byte as they are
                if (text.contains("@TMP@")) Files.writeString(p, text.replace("@TMP@", untouched.toString()));
            }
        }
    }

    static Map<String, String> expected(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int i = line.indexOf(": ");
            if (i > 0) m.put(line.substring(0, i), line.substring(i + 2));
        }
        return m;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}

package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Differential test: every case under {@code template/cases} (NAME.j2 plus optional NAME.yml
 * vars) is rendered once by ansible-playbook's template module and once by {@link JinjavaTemplar};
 * the bytes must be identical. Cases under {@code cases/errors} must fail in both, with messages
 * that both contain the text of NAME.expect. Ansible runs once for all cases.
 */
class AnsibleTemplateParityTest {
    @TempDir
    static Path work;

    private static final JinjavaTemplar TEMPLAR = new JinjavaTemplar();

    @BeforeAll
    static void runAnsibleOnceForAllCases() throws Exception {
        StringBuilder playbook = new StringBuilder("""
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  tasks:
                """);
        for (String name : names(casesDir())) {
            task(playbook, casesDir(), name, false);
        }
        for (String name : names(errorsDir())) {
            task(playbook, errorsDir(), name, true);
        }
        Files.writeString(work.resolve("playbook.yml"), playbook.toString());
        dev.jsock.testing.LocalAnsible.runPlaybook(work);
    }

    private static void task(StringBuilder playbook, Path dir, String name, boolean failing) throws IOException {
        playbook.append("  - name: ").append(name).append('\n')
                .append("    template:\n")
                .append("      src: ").append(dir.resolve(name + ".j2")).append('\n')
                .append("      dest: ").append(work.resolve(name + ".out")).append('\n');
        Path vars = dir.resolve(name + ".yml");
        if (Files.exists(vars)) {
            playbook.append("    vars:\n");
            for (String line : Files.readAllLines(vars)) {
                playbook.append("      ").append(line).append('\n');
            }
        }
        playbook.append("    ignore_errors: true\n");
        if (failing) {
            playbook.append("    register: result\n")
                    .append("  - copy:\n      content: \"{{ result.msg }}\"\n      dest: ")
                    .append(work.resolve(name + ".msg")).append('\n');
        }
    }

    static Stream<String> cases() {
        return names(casesDir()).stream();
    }

    static Stream<String> errorCases() {
        return names(errorsDir()).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersLikeAnsible(String name) throws IOException {
        assertThat(work.resolve(name + ".out")).as("Ansible rendered it; see ansible.log").exists();
        String expected = Files.readString(work.resolve(name + ".out"), StandardCharsets.UTF_8);
        String actual = TEMPLAR.renderFile(read(casesDir(), name + ".j2"), casesDir().resolve(name + ".j2").toString(), vars(casesDir(), name));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCases")
    void failsLikeAnsible(String name) throws IOException {
        String expected = read(errorsDir(), name + ".expect").strip();
        assertThat(work.resolve(name + ".out")).doesNotExist();
        assertThat(Files.readString(work.resolve(name + ".msg"))).contains(expected);
        assertThatThrownBy(() -> TEMPLAR.renderFile(read(errorsDir(), name + ".j2"), name + ".j2", vars(errorsDir(), name)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(expected);
    }

    private static Map<String, Object> vars(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".yml");
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, Object> loaded = new Yaml().load(Files.readString(file));
        return loaded == null ? Map.of() : new LinkedHashMap<>(loaded);
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".j2")).sorted()
                    .forEach(f -> names.add(f.substring(0, f.length() - 3)));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path casesDir() {
        return resource("template/cases");
    }

    private static Path errorsDir() {
        return resource("template/cases/errors");
    }

    private static Path resource(String path) {
        try {
            return Path.of(AnsibleTemplateParityTest.class.getClassLoader().getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

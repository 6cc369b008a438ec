package dev.jsock.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jsock.model.TaskResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Differential test: every case of {@code lineedit/cases.yml} (a file's text, lineinfile /
 * blockinfile / replace and their arguments) runs once through ansible-playbook on a local file and
 * once through jsock's module on another copy (over a local shell, as on a host). The text left in
 * the file, changed, failed, msg and rc must be the same. Ansible runs once for all cases.
 */
class AnsibleLineEditParityTest {
    @TempDir
    static Path work;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<Map<String, Object>> cases;
    private static List<Map<String, Object>> ansibleResults;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void runAnsibleOnceForAllCases() throws Exception {
        try (InputStream in = AnsibleLineEditParityTest.class.getResourceAsStream("/lineedit/cases.yml")) {
            cases = new Yaml().load(in);
        }
        Files.createDirectories(work.resolve("ansible"));
        Files.createDirectories(work.resolve("jsock"));
        List<Object> tasks = new ArrayList<>();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            writeBefore(c, work.resolve("ansible"), i);
            writeBefore(c, work.resolve("jsock"), i);
            Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) c.get("args"));
            args.put("path", file(work.resolve("ansible"), i).toString());
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", c.get("name"));
            task.put((String) c.get("module"), args);
            task.put("register", "r" + i);
            task.put("ignore_errors", true);
            tasks.add(task);
            registered.add("r" + i);
        }
        tasks.add(Map.of("copy", Map.of("content", "{{ [" + String.join(", ", registered) + "] | to_json }}",
                "dest", work.resolve("results.json").toString())));
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("hosts", "localhost");
        play.put("connection", "local");
        play.put("gather_facts", false);
        play.put("tasks", tasks);
        Files.writeString(work.resolve("playbook.yml"), JSON.writeValueAsString(List.of(play)));
        dev.jsock.testing.LocalAnsible.runPlaybook(work);
        ansibleResults = JSON.readValue(work.resolve("results.json").toFile(), List.class);
    }

    private static void writeBefore(Map<String, Object> c, Path dir, int i) throws IOException {
        if (c.get("before") != null) Files.writeString(file(dir, i), (String) c.get("before"), StandardCharsets.UTF_8);
    }

    private static Path file(Path dir, int i) {
        return dir.resolve("case" + i + ".txt");
    }

    static Stream<Object[]> cases() throws IOException {
        try (InputStream in = AnsibleLineEditParityTest.class.getResourceAsStream("/lineedit/cases.yml")) {
            List<Map<String, Object>> all = new Yaml().load(in);
            return IntStream.range(0, all.size()).mapToObj(i -> new Object[] {i, all.get(i).get("name")});
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void editsLikeAnsible(int i, String name) throws IOException {
        Map<String, Object> c = cases.get(i);
        Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) c.get("args"));
        args.put("path", file(work.resolve("jsock"), i).toString());
        Module module = new ModuleRegistry().find((String) c.get("module")).orElseThrow();
        TaskResult r = new Ctx(work).run(module, args);

        Map<String, Object> expected = ansibleResults.get(i);
        assertThat(r.failed()).as("failed; ansible: %s", expected).isEqualTo(Boolean.TRUE.equals(expected.get("failed")));
        assertThat(r.changed()).as("changed; ansible: %s", expected).isEqualTo(Boolean.TRUE.equals(expected.get("changed")));
        String msg = r.failed() ? r.msg() : String.valueOf(r.data().getOrDefault("msg", ""));
        String ansibleMsg = String.valueOf(expected.getOrDefault("msg", "")).replace(work.resolve("ansible").toString(), work.resolve("jsock").toString());
        assertThat(msg).as("msg").isEqualTo(ansibleMsg);
        if (expected.containsKey("rc")) assertThat(r.data().get("rc")).as("rc").isEqualTo(expected.get("rc"));
        assertThat(text(file(work.resolve("jsock"), i))).as("file after").isEqualTo(text(file(work.resolve("ansible"), i)));
    }

    private static String text(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }
}

package dev.jsock.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraVarsTest {
    @Test
    void keyValuePairsStayStrings(@TempDir Path cwd) {
        assertThat(ExtraVars.parse(List.of("a=1 b='x y' c=yes"), cwd))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("c", "yes"));
    }

    @Test
    void inlineJsonAndYamlKeepTypes(@TempDir Path cwd) {
        assertThat(ExtraVars.parse(List.of("{\"port\": 8080, \"on\": true}", "{x: [1, 2]}"), cwd))
                .containsEntry("port", 8080).containsEntry("on", true).containsEntry("x", List.of(1, 2));
    }

    @Test
    void readsAtFilesRelativeToCwdAndLaterValuesWin(@TempDir Path cwd) throws Exception {
        Files.writeString(cwd.resolve("e.yml"), "a: from-file\nb: 2\n");
        Files.writeString(cwd.resolve("e.json"), "{\"b\": 3}");
        assertThat(ExtraVars.parse(List.of("a=first", "@e.yml", "@e.json"), cwd))
                .containsEntry("a", "from-file").containsEntry("b", 3);
    }
}

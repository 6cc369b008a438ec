package dev.jsock.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyJsonTest {

    @Test
    void writesCompactJsonWithPythonSeparatorsAndSortedKeys() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("msg", "non-zero return code");
        m.put("changed", true);
        m.put("cmd", List.of("/bin/false"));
        m.put("rc", 1);
        assertThat(PyJson.compact(m)).isEqualTo("{\"changed\": true, \"cmd\": [\"/bin/false\"], \"msg\": \"non-zero return code\", \"rc\": 1}");
    }

    @Test
    void indentsLikeAnsibleDebugOutput() {
        assertThat(PyJson.indented(Map.of("msg", "hi"))).isEqualTo("{\n    \"msg\": \"hi\"\n}");
    }

    @Test
    void escapesControlCharactersButKeepsUnicode() {
        assertThat(PyJson.compact("a\"b\n\u0001é")).isEqualTo("\"a\\\"b\\n\\u0001é\"");
    }
}

package dev.jsock.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scalar typing checked against ansible-playbook 2.14 (value | type_debug). */
class YamlTypingTest {
    @Test
    void typesScalarsLikeAnsiblesYamlLoader(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("v.yml"), String.join("\n",
                "a: yes", "b: On", "c: y", "d: 1e3", "e: 1.5e3", "f: 010", "g: 0o10", "h: 0x1F", "i: 1:20",
                "j: 2001-12-14", "k: ~", "l: 1_000", "m: +12", "n: NO", "o: 0b101", "p: 1.", "q: '1'", "r: 1.5e+3",
                "s: !unsafe '{{ x }}'", ""));
        Map<String, Object> v = new YamlFiles().loadVars(tmp.resolve("v.yml"));
        assertThat(v).containsEntry("a", true).containsEntry("b", true).containsEntry("c", "y")
                .containsEntry("d", "1e3").containsEntry("e", "1.5e3").containsEntry("f", 8).containsEntry("g", "0o10")
                .containsEntry("h", 31).containsEntry("i", 80).containsEntry("j", "2001-12-14").containsEntry("k", null)
                .containsEntry("l", 1000).containsEntry("m", 12).containsEntry("n", false).containsEntry("o", 5)
                .containsEntry("p", 1.0).containsEntry("q", "1").containsEntry("r", 1500.0).containsEntry("s", "{{ x }}");
    }

    @Test
    void appliesMergeKeysAndKeepsKeyOrder(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("v.yml"), "base: &b {x: 1, y: 2}\nz: 0\nderived:\n  <<: *b\n  y: 3\n");
        Map<String, Object> v = new YamlFiles().loadVars(tmp.resolve("v.yml"));
        assertThat(v.keySet()).containsExactly("base", "z", "derived");
        assertThat(v.get("derived")).isEqualTo(Map.of("x", 1, "y", 3));
    }
}

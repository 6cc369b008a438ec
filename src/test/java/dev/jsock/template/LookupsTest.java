package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupsTest {
    @TempDir
    Path dir;

    private final JinjavaTemplar templar = new JinjavaTemplar();

    private Object render(String text) {
        return templar.template(text, Map.of("playbook_dir", dir.toString(), "n", 3, "d", Map.of("a", 1)));
    }

    @Test
    void fileLooksInFilesThenTheDirectoryAndStripsTheEnd() throws Exception {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/a.txt"), "from files\n\n");
        Files.writeString(dir.resolve("b.txt"), "beside\n");
        assertThat(render("{{ lookup('file', 'a.txt') }}|{{ lookup('file', 'a.txt', 'b.txt') }}"))
                .isEqualTo("from files|from files,beside");
        assertThatThrownBy(() -> render("{{ lookup('file', 'none.txt') }}"))
                .hasMessageContaining("could not locate file in lookup: none.txt");
        assertThat(render("<{{ lookup('file', 'none.txt', errors='ignore') }}>")).isEqualTo("<>");
    }

    @Test
    void lookupJoinsTextsButKeepsOtherValuesAndQueryAlwaysGivesAList() {
        assertThat(render("{{ lookup('vars', 'n') }}")).isEqualTo("3"); // rendered to text, as Ansible's (non-native) templating does
        assertThat(render("{{ lookup('dict', d) }}")).isEqualTo(Map.of("key", "a", "value", 1L)); // one non-text result: itself
        assertThat(render("{{ query('env', 'JSOCK_SURELY_UNSET') }}")).isEqualTo(List.of(""));
        assertThat(render("{{ lookup('pipe', 'printf \"a\\nb\\n\"') }}")).isEqualTo("a\nb");
    }

    @Test
    void listLookupsShapeItemsAsAnsiblesWithLoopsDo() {
        assertThat(render("{{ query('nested', ['a', 'b'], [1, 2]) }}"))
                .isEqualTo(List.of(List.of("a", 1L), List.of("a", 2L), List.of("b", 1L), List.of("b", 2L)));
        assertThat(render("{{ query('together', ['a', 'b'], [1]) }}"))
                .isEqualTo(List.of(List.of("a", 1L), java.util.Arrays.asList("b", null)));
        assertThat(render("{{ query('sequence', 'start=0 end=8 stride=4 format=h%02d') }}")).isEqualTo(List.of("h00", "h04", "h08"));
        assertThat(render("{{ query('sequence', '2-3') }}")).isEqualTo(List.of("2", "3"));
        assertThat(render("{{ query('subelements', [{'n': 'x', 'ks': [1, 2]}], 'ks') | map('last') | list }}")).isEqualTo(List.of(1L, 2L));
    }
}

package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonEqualityTest {
    private final JinjavaTemplar t = new JinjavaTemplar();

    @Test
    void comparesAStringAndANumberAsUnequalInsteadOfFailing() {
        assertThat(t.condition("x != 'None'", Map.of("x", 10L))).isTrue();
        assertThat(t.condition("x == '10'", Map.of("x", 10L))).isFalse();
    }

    @Test
    void comparesNumbersByValue() {
        assertThat(t.condition("x == 10.0", Map.of("x", 10L))).isTrue();
        assertThat(t.condition("True == 1", Map.of())).isTrue();
        assertThat(t.condition("[1, 'a'] == [1, 'a']", Map.of())).isTrue();
    }
}

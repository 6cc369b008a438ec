package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjavaTemplarTest {
    private final JinjavaTemplar templar = new JinjavaTemplar();

    private String render(String text, Map<String, Object> vars) {
        return templar.renderFile(text, "t.j2", vars);
    }

    @Test
    void testsTakeKeywordArguments() {
        assertThat(render("{{ 'abc' is match('AB', ignorecase=true) }}", Map.of())).isEqualTo("True");
    }

    @Test
    void reportsSelfReferenceAsRecursiveLoop() {
        assertThatThrownBy(() -> render("{{ r }}", Map.of("r", "{{ r }}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("recursive loop detected in template string: {{ r }}");
    }
}

package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jsock.model.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JinjavaTemplarTest {
    private final JinjavaTemplar templar = new JinjavaTemplar();

    private String render(String text, Map<String, Object> vars) {
        return templar.renderFile(text, "t.j2", vars);
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{{ t }}                 | True",
        "{{ 10 / 5 }}            | 2.0",
        "{{ 7 // 2 }}            | 3",
        "{{ l }}                 | ['a', 'b']",
        "{{ d }}                 | {'k': 'v'}",
        "{{ n }}                 | ``",
        "{{ [n] }}               | [None]",
        "{{ 'a' ~ t ~ n }}       | aTrueNone",
        "{{ 0.1 + 0.2 }}         | 0.30000000000000004",
        "{{ 1e20 }}              | 1e+20",
        "{{ u }}                 | zoë ✓",
        "{{ \"it's\" }}          | it's",
        "{{ [\"it's\"] }}        | [\"it's\"]",
    })
    void printsValuesAsPythonDoes(String template, String expected) {
        Map<String, Object> v = vars("t", true, "l", List.of("a", "b"), "d", Map.of("k", "v"), "n", null, "u", "zoë ✓");
        assertThat(render(template, v)).isEqualTo(expected);
    }

    @Test
    void trimsBlocksButNotLeadingSpaceAndKeepsTrailingNewline() {
        assertThat(render("  {% if true %}\nx\n  {% endif %}\nend\n", Map.of())).isEqualTo("  x\n  end\n");
        assertThat(render("{% if true %}x{% endif %}\n\n", Map.of())).isEqualTo("x\n\n");
    }

    @Test
    void reportsUndefinedVariableWithFileAndLine() {
        assertThatThrownBy(() -> templar.renderFile("a\nb\n{{ nope }}\n", "unit.j2", Map.of()))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("'nope' is undefined");
                    assertThat(e.source()).isEqualTo(new Source("unit.j2", 3, 0));
                });
    }

    @Test
    void reportsMissingDictKeyInJinjaWords() {
        assertThatThrownBy(() -> render("{{ d.y }}", vars("d", Map.of("k", 1))))
                .isInstanceOf(TemplateException.class)
                .hasMessage("'dict object' has no attribute 'y'");
    }

    @Test
    void undefinedIsFineWhenDefaultedOrTested() {
        assertThat(render("{{ x | default('d') }} {{ x.y.z | d('chain') }} {{ x is defined }} {{ d.y is undefined }}",
                vars("d", Map.of()))).isEqualTo("d chain False True");
    }

    @Test
    void templatesVariablesLazilyAndRecursively() {
        Map<String, Object> v = vars("name", "web", "greeting", "hi {{ name }}",
                "cfg", Map.of("url", "http://{{ name }}/"), "list", List.of("{{ greeting }}"));
        assertThat(render("{{ greeting }} {{ cfg.url }} {{ list[0] }}", v)).isEqualTo("hi web http://web/ hi web");
    }

    @Test
    void unusedBrokenVariablesDoNotMatter() {
        assertThat(render("ok", vars("broken", "{{ nope }}"))).isEqualTo("ok");
    }

    @Test
    void reportsSelfReferenceAsRecursiveLoop() {
        assertThatThrownBy(() -> render("{{ a }}", vars("a", "{{ b }}", "b", "x{{ a }}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("recursive loop detected in template string: ");
    }

    @Test
    void reportsUndefinedInsideLazyVariableAtTheOuterLine() {
        assertThatThrownBy(() -> templar.renderFile("\n{{ outer }}", "o.j2", vars("outer", "{{ inner }}")))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("'inner' is undefined");
                    assertThat(e.source().line()).isEqualTo(2);
                });
    }

    @Test
    void singleExpressionKeepsTypeTheAnsibleWay() {
        Map<String, Object> v = vars("port", 8080, "l", List.of("a"), "n", null, "flag", true);
        assertThat(templar.template("{{ port }}", v)).isEqualTo(8080);
        assertThat(templar.template("{{ flag }}", v)).isEqualTo(true);
        assertThat(templar.template("{{ n }}", v)).isNull();
        assertThat(templar.template("{{ l }}", v)).isEqualTo(List.of("a"));
        assertThat(templar.template("{{ {'k': [1, True]} }}", v)).isEqualTo(Map.of("k", List.of(1L, true)));
        assertThat(templar.template("{{ port == 8080 }}", v)).isEqualTo(true);
        // Ansible turns only list-, dict- and bool-looking text back into values; numbers stay text.
        assertThat(templar.template("{{ port + 1 }}", v)).isEqualTo("8081");
        assertThat(templar.template("port {{ port }}", v)).isEqualTo("port 8080");
    }

    @Test
    void templatesListsAndMapsRecursively() {
        Object out = templar.template(Map.of("a", List.of("{{ x }}", 1)), vars("x", "y"));
        assertThat(out).isEqualTo(Map.of("a", List.of("y", 1)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "x is defined               ; true",
        "missing is defined         ; false",
        "a == 'b' and c | bool      ; true",
        "'i' in items               ; true",
        "not x                      ; false",
        "s                          ; true",
        "s | bool                   ; false",
        "empty_list                 ; false",
        "{{ x == 1 }}               ; true",
        "items | length > 1         ; true",
    })
    void evaluatesWhenConditions(String expression, boolean expected) {
        Map<String, Object> v = vars("x", 1, "a", "b", "c", "yes", "items", List.of("i", "j"), "s", "false",
                "empty_list", List.of());
        assertThat(templar.condition(expression, v)).isEqualTo(expected);
    }

    @Test
    void conditionPassesBooleansThrough() {
        assertThat(templar.condition(true, Map.of())).isTrue();
        assertThat(templar.condition(false, Map.of())).isFalse();
    }

    @Test
    void conditionOnUndefinedFails() {
        assertThatThrownBy(() -> templar.condition("nope == 1", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("'nope' is undefined");
    }

    @Test
    void toTextIsPythonStr() {
        assertThat(templar.toText(List.of("a", 1, true))).isEqualTo("['a', 1, True]");
        assertThat(templar.toText(2.0)).isEqualTo("2.0");
        assertThat(templar.toText("plain")).isEqualTo("plain");
        assertThat(templar.toText(null)).isEmpty();
    }

    @Test
    void callsPythonStringAndDictMethods() {
        Map<String, Object> v = vars("s", " a,b ", "d", Map.of("k", "v"));
        assertThat(render("{{ s.strip().split(',') }} {{ s.startswith(' a') }} {{ d.get('k') }} {{ d.get('z', 0) }}", v))
                .isEqualTo("['a', 'b'] True v 0");
    }

    @Test
    void formatsWithPercentOperator() {
        assertThat(render("{{ '%s:%d' % (h, p) }}", vars("h", "x", "p", 80))).isEqualTo("x:80");
    }

    @Test
    void rejectsUnknownFilter() {
        assertThatThrownBy(() -> render("{{ 1 | nosuch }}", Map.of()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Could not load \"nosuch\"");
    }

    @Test
    void testsTakeKeywordArguments() {
        assertThat(render("{{ 'abc' is match('AB', ignorecase=true) }}", Map.of())).isEqualTo("True");
    }

    @Test
    void servesManyThreadsFromOneInstance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                Map<String, Object> v = new HashMap<>(vars("n", i, "msg", "host {{ n }}"));
                results.add(pool.submit(() -> render("{{ msg }}{% for i in range(3) %}.{% endfor %}", v)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("host " + i + "...");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Renders shared between hosts side by side: a host gets another host's output only when every
 * variable the render read has the same value for it, so sharing is never visible in results.
 */
class RenderMemoTest {
    private final JinjavaTemplar t = new JinjavaTemplar();

    RenderMemoTest() {
        t.hostsSideBySide(10);
    }

    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void aHostWhoseVariablesDifferGetsItsOwnOutput() {
        String text = "port {{ port }} on {{ inventory_hostname }}";
        assertThat(t.template(text, vars("port", 80, "inventory_hostname", "a"))).isEqualTo("port 80 on a");
        assertThat(t.template(text, vars("port", 80, "inventory_hostname", "b"))).isEqualTo("port 80 on b");
        assertThat(t.template(text, vars("port", 81, "inventory_hostname", "a"))).isEqualTo("port 81 on a");
        assertThat(t.template(text, vars("port", 80, "inventory_hostname", "a"))).isEqualTo("port 80 on a");
    }

    @Test
    void aVariableReadThroughAnotherVariablesTemplateCounts() {
        // v is templated once per call and then taken from the call's own cache: what its template
        // read (w) must still count for the second string of the same call
        Map<String, Object> value = vars("a", "{{ v }}", "b", "{{ v }}!");
        assertThat(t.template(value, vars("v", "{{ w }}", "w", "one"))).isEqualTo(vars("a", "one", "b", "one!"));
        assertThat(t.template(value, vars("v", "{{ w }}", "w", "two"))).isEqualTo(vars("a", "two", "b", "two!"));
        assertThat(t.template("{{ v }}!", vars("v", "{{ w }}", "w", "three"))).isEqualTo("three!");
    }

    @Test
    void mapsWithTheSameEntriesInAnotherOrderAreNotTheSameValue() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);
        assertThat(t.renderFile("{{ d | to_json }}", "f.j2", vars("d", ab))).isEqualTo("{\"a\": 1, \"b\": 2}");
        assertThat(t.renderFile("{{ d | to_json }}", "f.j2", vars("d", ba))).isEqualTo("{\"b\": 2, \"a\": 1}");
    }

    @Test
    void valuesOfAnotherTypeAreNotTheSameValue() {
        assertThat(t.renderFile("{{ x | to_json }}", "f.j2", vars("x", 1))).isEqualTo("1");
        assertThat(t.renderFile("{{ x | to_json }}", "f.j2", vars("x", "1"))).isEqualTo("\"1\"");
        assertThat(t.renderFile("{{ x | to_json }}", "f.j2", vars("x", true))).isEqualTo("true");
    }

    @Test
    void aRandomValueIsDrawnAgainForEveryHostEvenThroughAVariable() {
        Set<Object> direct = new HashSet<>();
        Set<Object> indirect = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            direct.add(t.template("{{ 1000000 | random }}", vars()));
            indirect.add(t.template("n={{ r }}", vars("r", "{{ 1000000 | random }}")));
        }
        assertThat(direct).hasSizeGreaterThan(1);
        assertThat(indirect).hasSizeGreaterThan(1);
    }

    @Test
    void anUndefinedVariableFailsOnTheHostThatLacksItOnly() {
        String text = "{{ y }}";
        assertThat(t.template(text, vars("y", "set"))).isEqualTo("set");
        assertThatThrownBy(() -> t.template(text, vars())).hasMessageContaining("'y' is undefined");
        assertThat(t.template(text, vars("y", "set"))).isEqualTo("set");
        assertThat(t.condition("y is defined", vars())).isFalse();
        assertThat(t.condition("y is defined", vars("y", 1))).isTrue();
    }

    @Test
    void aValueChangedInPlaceAfterARenderIsSeenAsChanged() {
        List<Object> items = new ArrayList<>(List.of("a"));
        Map<String, Object> v = vars("items", items);
        assertThat(t.template("{{ items | join(',') }}", v)).isEqualTo("a");
        items.add("b");
        assertThat(t.template("{{ items | join(',') }}", v)).isEqualTo("a,b");
    }

    @Test
    void hostvarsIsNeverShared() {
        Map<String, Object> seen = new HashMap<>();
        seen.put("h", vars("x", 1));
        assertThat(t.renderFile("{{ hostvars.h.x }}", "f.j2", vars("hostvars", seen))).isEqualTo("1");
        seen.put("h", vars("x", 2)); // the same live view, another host's state changed since
        assertThat(t.renderFile("{{ hostvars.h.x }}", "f.j2", vars("hostvars", seen))).isEqualTo("2");
    }

    @Test
    @Timeout(60)
    void hostsRenderingSideBySideGetTheirOwnResultsWhetherSharedOrNot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int th = 0; th < 10; th++) {
                int n = th;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 300; i++) {
                        Map<String, Object> own = vars("n", n, "item", i % 7, "label", "{{ 'host-' ~ n }}");
                        Map<String, Object> same = vars("n", 1, "item", i % 7, "label", "{{ 'host-' ~ n }}");
                        String a = t.renderFile("{{ label }}/{{ item }}/{{ n * 2 }}\n", "f.j2", own);
                        String b = t.renderFile("{{ label }}/{{ item }}/{{ n * 2 }}\n", "f.j2", same);
                        boolean c = t.condition("item < 3 and n >= 0", own);
                        if (a.equals("host-" + n + "/" + (i % 7) + "/" + (2 * n) + "\n")
                                && b.equals("host-1/" + (i % 7) + "/2\n") && c == (i % 7 < 3)) ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
    }
}

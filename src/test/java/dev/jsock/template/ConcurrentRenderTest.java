package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One templar serves every host thread of a run: heavy parallel use must neither fail nor mix results. */
class ConcurrentRenderTest {

    @Test
    @Timeout(60)
    void tenThreadsRenderingLoopsAndConditionsGetTheirOwnResults() throws Exception {
        JinjavaTemplar t = new JinjavaTemplar();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int th = 0; th < 10; th++) {
                int n = th;
                results.add(pool.submit(() -> {
                    Map<String, Object> vars = new HashMap<>();
                    vars.put("n", n);
                    vars.put("items", List.of(1, 2, 3));
                    vars.put("label", "{{ 'host-' ~ n }}");
                    int ok = 0;
                    for (int i = 0; i < 1500; i++) {
                        String out = t.renderFile("{% for x in items %}{{ x + n }}{% if x > 1 %}!{% endif %}{% endfor %} {{ label }}\n", "f.j2", vars);
                        if (out.equals((1 + n) + "" + (2 + n) + "!" + (3 + n) + "! host-" + n + "\n") && t.condition("n is number and n >= 0", vars)) ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(1500);
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.jsock.vars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarSourcesTest {

    @Test
    void laterLayersWinInAnsiblePrecedenceOrder() {
        VarSources s = new VarSources(
                Map.of("a", "default", "b", "default", "c", "default", "d", "default", "e", "default", "f", "default"),
                Map.of("b", "inventory", "c", "inventory", "d", "inventory", "e", "inventory", "f", "inventory"),
                Map.of(),
                Map.of("c", "play", "d", "play", "e", "play", "f", "play"),
                Map.of("d", "role vars", "e", "role vars", "f", "role vars"),
                List.of(Map.of("e", "block"), Map.of("e", "task", "f", "task")),
                Map.of("f", "set_fact"),
                Map.of(),
                Map.of(),
                Map.of());
        assertThat(s.merged()).containsEntry("a", "default").containsEntry("b", "inventory").containsEntry("c", "play")
                .containsEntry("d", "role vars").containsEntry("e", "task").containsEntry("f", "set_fact");
    }

    @Test
    void extraVarsBeatEverythingButMagic() {
        VarSources s = new VarSources(Map.of(), Map.of("x", "inv"), Map.of(), Map.of("x", "play"), Map.of(), List.of(),
                Map.of("x", "fact"), Map.of("x", "param"), Map.of("x", "extra"), Map.of("inventory_hostname", "h1"));
        assertThat(s.merged()).containsEntry("x", "extra").containsEntry("inventory_hostname", "h1");
    }

    @Test
    void roleParamsBeatSetFact() {
        VarSources s = new VarSources(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(),
                Map.of("x", "fact"), Map.of("x", "param"), Map.of(), Map.of());
        assertThat(s.merged()).containsEntry("x", "param");
    }
}

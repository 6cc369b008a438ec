package dev.jsock.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SerialBatchesTest {
    private static final List<String> HOSTS = List.of("a", "b", "c", "d", "e");

    @Test
    void noSerialIsOneBatch() {
        assertThat(SerialBatches.of(null, HOSTS)).containsExactly(HOSTS);
    }

    @Test
    void numberAndPercentageAndListLikeAnsible() {
        assertThat(SerialBatches.of(2, HOSTS)).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(SerialBatches.of("40%", HOSTS)).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(SerialBatches.of("10%", HOSTS)).hasSize(5);
        assertThat(SerialBatches.of(List.of(1, 3), HOSTS)).containsExactly(List.of("a"), List.of("b", "c", "d"), List.of("e"));
        assertThat(SerialBatches.of(0, HOSTS)).containsExactly(HOSTS);
    }
}

package dev.jsock.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGateTest {

    /** A step a host wants, at its place in the play. */
    private record Want(String step, List<Integer> at) {}

    private static Thread host(StepGate gate, String name, List<String> steps, List<String> log) {
        return hostAt(gate, name, steps.stream().map(s -> new Want(s, List.of())).toList(), log);
    }

    private static Thread hostAt(StepGate gate, String name, List<Want> wants, List<String> log) {
        Thread t = new Thread(() -> {
            try {
                for (Want w : wants) {
                    gate.await(name, new StepGate.Step(w.step(), w.step(), false), w.at());
                    log.add(name + ":" + w.step());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                gate.finish(name);
            }
        });
        t.start();
        return t;
    }

    @Test
    void releasesHostsWantingTheSameStepTogetherInOrder() throws Exception {
        StepGate gate = new StepGate(List.of("a", "b"));
        List<String> titles = Collections.synchronizedList(new ArrayList<>());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread a = host(gate, "a", List.of("t1", "t2", "t3"), log);
        Thread b = host(gate, "b", List.of("t1", "t2", "t3"), log);
        gate.coordinate(s -> titles.add(s.title()));
        a.join();
        b.join();
        assertThat(titles).containsExactly("t1", "t2", "t3");
        assertThat(log).hasSize(6);
    }

    @Test
    void hostsOnDivergentPathsNeitherDeadlockNorRepeatHeaders() throws Exception {
        StepGate gate = new StepGate(List.of("a", "b", "c"));
        List<String> titles = Collections.synchronizedList(new ArrayList<>());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread a = host(gate, "a", List.of("t1", "inc-a", "t9"), log);
        Thread b = host(gate, "b", List.of("t1", "t9"), log);
        Thread c = host(gate, "c", List.of(), log);
        gate.coordinate(s -> titles.add(s.title()));
        a.join();
        b.join();
        c.join();
        assertThat(titles).containsExactly("t1", "inc-a", "t9");
        assertThat(log).containsExactlyInAnyOrder("a:t1", "b:t1", "a:inc-a", "a:t9", "b:t9");
    }
    @Test
    void theHostFurthestBehindInThePlayGoesFirstWhateverTheInventoryOrder() throws Exception {
        StepGate gate = new StepGate(List.of("a", "b"));
        List<String> titles = Collections.synchronizedList(new ArrayList<>());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        // a skipped the include at [2, 0] and wants the next task; b is inside the include
        Thread a = hostAt(gate, "a", List.of(new Want("t2", List.of(2, 1))), log);
        Thread b = hostAt(gate, "b", List.of(new Want("inc", List.of(2, 0, 0)), new Want("t2", List.of(2, 1))), log);
        gate.coordinate(s -> titles.add(s.title()));
        a.join();
        b.join();
        assertThat(titles).containsExactly("inc", "t2");
        assertThat(log.get(0)).isEqualTo("b:inc");
    }
}

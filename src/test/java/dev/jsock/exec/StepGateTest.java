package dev.jsock.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGateTest {

    private static Thread host(StepGate gate, String name, List<String> steps, List<String> log) {
        Thread t = new Thread(() -> {
            try {
                for (String s : steps) {
                    gate.await(name, new StepGate.Step(s, s, false));
                    log.add(name + ":" + s);
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
        Thread a = new Thread(() -> {
            try {
                gate.await("a", new StepGate.Step("t2", "t2", false), List.of(2, 1));
                log.add("a:t2");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                gate.finish("a");
            }
        });
        Thread b = new Thread(() -> {
            try {
                gate.await("b", new StepGate.Step("inc", "inc", false), List.of(2, 0, 0));
                log.add("b:inc");
                gate.await("b", new StepGate.Step("t2", "t2", false), List.of(2, 1));
                log.add("b:t2");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                gate.finish("b");
            }
        });
        a.start();
        b.start();
        gate.coordinate(s -> titles.add(s.title()));
        a.join();
        b.join();
        assertThat(titles).containsExactly("inc", "t2");
        assertThat(log.get(0)).isEqualTo("b:inc");
    }
}

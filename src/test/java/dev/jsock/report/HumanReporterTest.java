package dev.jsock.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.exec.HostStats;
import dev.jsock.model.TaskResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HumanReporterTest {
    private final StringWriter buf = new StringWriter();
    private final HumanReporter r = new HumanReporter(new PrintWriter(buf), false, 0, false);

    @Test
    void bannersAreEightyColumnsWide() {
        assertThat(HumanReporter.banner("TASK [debug]")).hasSize(80).endsWith("***");
        assertThat(HumanReporter.banner("PLAY RECAP")).hasSize(80);
    }

    @Test
    void printsRecapInAnsibleColumns() {
        HostStats s = new HostStats();
        s.ok = 8;
        s.changed = 2;
        s.skipped = 1;
        s.ignored = 1;
        r.recap(Map.of("localhost", s));
        assertThat(buf.toString()).contains(
                "localhost                  : ok=8    changed=2    unreachable=0    failed=0    skipped=1    rescued=0    ignored=1   \n");
    }

    @Test
    void printsDebugMessagesIndentedAndFailuresAsCompactJson() {
        r.taskStarted("debug", false);
        r.hostResult("h1", "debug", TaskResult.ok(Map.of("msg", "hi", "_ansible_verbose_always", true, "_jsock_debug", true)), null, false, false);
        r.hostResult("h1", "command", TaskResult.failed("boom", Map.of("rc", 1)), null, true, false);
        assertThat(buf.toString()).contains("ok: [h1] => {\n    \"msg\": \"hi\"\n}\n")
                .contains("fatal: [h1]: FAILED! => {\"changed\": false, \"msg\": \"boom\", \"rc\": 1}\n...ignoring\n");
    }

    @Test
    void hidesNoLogResults() {
        r.hostResult("h1", "secret", TaskResult.failed("password=hunter2", Map.of()), null, false, true);
        assertThat(buf.toString()).doesNotContain("hunter2").contains("censored");
    }

    @Test
    void marksSkippedLoopItemsWithTheirLabel() {
        r.hostResult("h1", "t", TaskResult.skipped("Conditional result was False"), 1, false, false);
        assertThat(buf.toString()).isEqualTo("skipping: [h1] => (item=1) \n");
        assertThat(List.of()).isEmpty();
    }
}

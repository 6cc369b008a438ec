package dev.jsock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.lab.LabHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabDownKeepTest {
    private static LabHost host(int n) {
        return new LabHost("jsock-lab-" + n, "10.231.47." + (10 + n), 22);
    }

    @Test
    void keepStopsOnlyTheHostsNumberedAboveIt() {
        List<LabHost> running = List.of(host(1), host(4), host(5), host(12));
        assertThat(LabCommand.Down.numberedAbove(running, 4)).extracting(LabHost::name).containsExactly("jsock-lab-5", "jsock-lab-12");
        assertThat(LabCommand.Down.numberedAbove(running, 12)).isEmpty();
    }
}

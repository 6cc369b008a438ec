package dev.jsock.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.modules.SystemdDecision.Action;
import dev.jsock.modules.SystemdDecision.Facts;
import dev.jsock.modules.SystemdDecision.Plan;
import dev.jsock.modules.SystemdDecision.Wish;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The systemd module's decisions from recorded `systemctl show` output (systemd 252 property names). */
class SystemdDecisionTest {

    private static Facts facts(String sample, List<String> isEnabled, int rc) throws IOException {
        try (InputStream in = SystemdDecisionTest.class.getResourceAsStream("/modules/" + sample)) {
            return new Facts(SystemctlShow.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), isEnabled, rc);
        }
    }

    private static List<String> verbs(Plan p) {
        return p.actions().stream().map(Action::verb).toList();
    }

    @Test
    void activeEnabledSocketNeedsNothing() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("echo.socket", "started", true, null), facts("show-socket-active-enabled.txt", List.of("enabled"), 0));
        assertThat(p.changed()).isFalse();
        assertThat(p.actions()).isEmpty();
        assertThat(p.result()).containsEntry("enabled", true).containsEntry("state", "started").containsEntry("name", "echo.socket");
    }

    @Test
    void enablesBeforeStartingLikeAnsible() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("web.service", "started", true, null), facts("show-service-inactive-disabled.txt", List.of("disabled"), 1));
        assertThat(verbs(p)).containsExactly("enable", "start");
        assertThat(p.changed()).isTrue();
        assertThat(p.result()).containsEntry("enabled", true);
    }

    @Test
    void restartedOnStoppedUnitStartsItAndReportsStarted() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("web.service", "restarted", null, null), facts("show-service-inactive-disabled.txt", List.of("disabled"), 1));
        assertThat(verbs(p)).containsExactly("start");
        assertThat(p.result()).containsEntry("state", "started");
    }

    @Test
    void restartedOnRunningUnitAlwaysRestarts() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("echo.socket", "restarted", null, null), facts("show-socket-active-enabled.txt", List.of("enabled"), 0));
        assertThat(verbs(p)).containsExactly("restart");
        assertThat(p.changed()).isTrue();
    }

    @Test
    void stoppingAStoppedUnitIsOk() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("web.service", "stopped", false, null), facts("show-service-inactive-disabled.txt", List.of("disabled"), 1));
        assertThat(p.changed()).isFalse();
    }

    @Test
    void indirectCountsAsDisabled() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("echo.socket", null, true, null), facts("show-socket-active-enabled.txt", List.of("indirect"), 0));
        assertThat(verbs(p)).containsExactly("enable");
    }

    @Test
    void missingUnitFailsWithAnsiblesMessage() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("nope.service", "started", null, null), facts("show-not-found.txt", List.of(), 1));
        assertThat(p.failure()).isEqualTo("Could not find the requested service nope.service: host");
    }

    @Test
    void unmaskComesFirst() throws IOException {
        Plan p = SystemdDecision.decide(new Wish("web.service", "started", true, false), facts("show-masked.txt", List.of("masked"), 1));
        assertThat(verbs(p)).containsExactly("unmask", "enable", "start");
    }

    @Test
    void statusHoldsShowProperties() throws IOException {
        Facts f = facts("show-socket-active-enabled.txt", List.of("enabled"), 0);
        assertThat(f.status()).containsEntry("ActiveState", "active").containsEntry("SubState", "listening")
                .containsEntry("LoadState", "loaded").containsEntry("UnitFileState", "enabled");
    }

    @Test
    void multiLineExecValuesAreJoinedButBracedDescriptionIsNot() throws IOException {
        Facts f = facts("show-service-inactive-disabled.txt", List.of(), 1);
        assertThat(f.status().get("ExecStart")).startsWith("{ path=/usr/bin/python3").endsWith("status=0/0 }").contains("\n");
        assertThat(f.status()).containsEntry("Description", "{weird} web app").containsEntry("Id", "web.service");
    }

    @Test
    void gatherOutputSplitsShowFromIsEnabled() {
        String out = "Id=a.socket\nLoadState=loaded\nActiveState=active\n@@jsock-is-enabled\nenabled\nrc=0\n";
        Facts f = SystemdModule.facts(out);
        assertThat(f.isEnabled()).containsExactly("enabled");
        assertThat(f.isEnabledRc()).isZero();
        assertThat(f.status()).containsEntry("LoadState", "loaded");
    }

    @Test
    void gatherCommandQuotesTheUnitName() {
        String cmd = SystemdModule.gatherCommand("systemctl", "x; touch /tmp/pwned", true, false);
        assertThat(cmd).startsWith("systemctl daemon-reload").contains("show -- 'x; touch /tmp/pwned'");
    }
}

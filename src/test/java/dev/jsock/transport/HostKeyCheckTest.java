package dev.jsock.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.transport.HostKeyCheck.Lookup;
import dev.jsock.transport.HostKeyCheck.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostKeyCheckTest {
    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource({
        "YES,        MATCH,   ACCEPT",
        "YES,        UNKNOWN, REFUSE_UNKNOWN",
        "YES,        CHANGED, REFUSE_CHANGED",
        "ACCEPT_NEW, MATCH,   ACCEPT",
        "ACCEPT_NEW, UNKNOWN, ACCEPT_AND_RECORD",
        "ACCEPT_NEW, CHANGED, REFUSE_CHANGED",
        "NO,         MATCH,   ACCEPT",
        "NO,         UNKNOWN, ACCEPT_WITH_WARNING",
        "NO,         CHANGED, ACCEPT_WITH_WARNING",
    })
    void decidesByPolicy(HostKeyPolicy policy, Lookup lookup, Verdict expected) {
        assertThat(HostKeyCheck.decide(policy, lookup)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"yes, YES", "ask, YES", "accept-new, ACCEPT_NEW", "no, NO", "off, NO", "False, NO", "Yes, YES"})
    void parsesOpenSshSpellings(String value, HostKeyPolicy expected) {
        assertThat(HostKeyPolicy.parse(value)).contains(expected);
    }
}

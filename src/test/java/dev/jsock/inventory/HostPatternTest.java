package dev.jsock.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.Inventory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected selections checked with `ansible all -i hosts.ini --list-hosts -l PATTERN` style runs of ansible-core 2.14. */
class HostPatternTest {
    private static final Inventory INV = new InventoryLoader().load(List.of(Path.of("src/test/resources/inventory/hosts.ini")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "all                | ungrp1 web01 web02 web03 h2 db1",
        "*                  | ungrp1 web01 web02 web03 h2 db1",
        "web                | web01 web02 web03 h2",
        "prod               | web01 web02 web03 h2 db1",
        "db1                | db1",
        "web0*              | web01 web02 web03",
        "web:db             | web01 web02 web03 h2 db1",
        "web,db             | web01 web02 web03 h2 db1",
        "prod:!db           | web01 web02 web03 h2",
        "prod:!web0*        | h2 db1",
        "!db                | ungrp1 web01 web02 web03 h2",
        "prod:&web          | web01 web02 web03 h2",
        "web:&db            | ''",
        "~web0[12]          | web01 web02",
        "~^[dh]             | db1 h2",
        "web[0]             | web01",
        "web[1:2]           | web02 web03",
        "web[-1]            | h2",
        "web[2:]            | web03 h2",
        "nosuch             | ''",
        "nosuch:db          | db1",
        "ungrouped          | ungrp1",
        "localhost          | localhost",
        "db1:web01:db1      | db1 web01",
    })
    void selectsHostsInInventoryOrder(String pattern, String expected) {
        List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.trim().split("\\s+"));
        assertThat(HostPattern.select(INV, pattern.trim())).containsExactlyElementsOf(want);
    }

    @ParameterizedTest
    @CsvSource({"nosuch:db,nosuch", "web:zz*,zz*"})
    void reportsPartsThatMatchNothing(String pattern, String unmatched) {
        assertThat(HostPattern.unmatched(INV, pattern)).containsExactly(unmatched);
    }

    @org.junit.jupiter.api.Test
    void aLimitFileStandsForTheHostsOnItsLines(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String first = HostPattern.select(INV, "all").get(0);
        Path retry = dir.resolve("site.retry");
        java.nio.file.Files.writeString(retry, first + "\n\n");
        assertThat(HostPattern.select(INV, "@" + retry)).containsExactly(first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostPattern.select(INV, "@" + dir.resolve("none.retry")))
                .hasMessage("Unable to find limit file b'" + dir.resolve("none.retry") + "'");
    }
}

package dev.jsock.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values checked with ansible-playbook 2.14 (debug output and registered cmd). */
class KeyValueArgsTest {
    @Test
    void unquotesOneOuterPairOnly() {
        assertThat(KeyValueArgs.parse("msg=\"hello world\" verbosity=0", false))
                .containsExactly(Map.entry("msg", "hello world"), Map.entry("verbosity", "0"));
        assertThat(KeyValueArgs.parse("msg='it''s'", false)).containsEntry("msg", "it''s");
        assertThat(KeyValueArgs.parse("msg=a=b", false)).containsEntry("msg", "a=b");
    }

    @Test
    void keepsJinjaExpressionsWhole() {
        assertThat(KeyValueArgs.parse("msg={{ 'a b' }} x=1", false)).containsEntry("msg", "{{ 'a b' }}").containsEntry("x", "1");
    }

    @Test
    void commandKeepsForeignPairsAndSpacingInItsText() {
        assertThat(KeyValueArgs.parse("echo   a    chdir=/tmp   \"b   c\"   d", true))
                .containsEntry("chdir", "/tmp").containsEntry("_raw_params", "echo   a    \"b   c\"   d");
        assertThat(KeyValueArgs.parse("echo a=b \"c d\" chdir=/tmp", true))
                .containsEntry("_raw_params", "echo a=b \"c d\"");
        assertThat(KeyValueArgs.parse("echo   1\necho 2\n", true)).containsEntry("_raw_params", "echo   1\necho 2\n");
    }

    @Test
    void decodesBackslashEscapesInOptionsButNotInFreeFormText() {
        assertThat(KeyValueArgs.parse("content=\"after\\n\" dest=/tmp/x", false)).containsEntry("content", "after\n");
        assertThat(KeyValueArgs.parse("content='tab\\there \\u00e9'", false)).containsEntry("content", "tab\there \u00e9");
        assertThat(KeyValueArgs.parse("printf 'a\\nb'", true)).containsEntry("_raw_params", "printf 'a\\nb'");
    }
}

package dev.jsock.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexTest {

    @Test
    void readsAnOpeningBracketInsideAClassAsPythonDoes() {
        assertThat(Regex.compile("[[]", false, false).matcher("[1]").find()).isTrue();
        assertThat(Regex.compile("[{]", false, false).matcher("{").find()).isTrue();
        assertThat(Regex.compile("[]a]", false, false).matcher("]").find()).isTrue();
        assertThat(Regex.compile("[^[]x", false, false).matcher("ax").find()).isTrue();
    }

    @Test
    void keepsEscapesAndNamedGroups() {
        assertThat(Regex.compile("(?P<k>\\w+)=\\[", false, false).matcher("a=[").find()).isTrue();
    }
}

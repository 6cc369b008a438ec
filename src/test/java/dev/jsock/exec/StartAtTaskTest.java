package dev.jsock.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartAtTaskTest {

    @Test
    void shellPatternsAreReadAsPythonsFnmatchReadsThem() {
        assertThat("deploy units").matches(StartAtTask.globToRegex("deploy*"));
        assertThat("deploy units").matches(StartAtTask.globToRegex("deploy?units"));
        assertThat("a.b").doesNotMatch(StartAtTask.globToRegex("a?c"));
        assertThat("x1").matches(StartAtTask.globToRegex("x[0-9]"));
        assertThat("xa").matches(StartAtTask.globToRegex("x[!0-9]"));
        assertThat("a+b (c)").matches(StartAtTask.globToRegex("a+b (c)"));
        assertThat("[x").matches(StartAtTask.globToRegex("[x"));
    }
}

package dev.jsock.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagFilterTest {

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(" "));
    }

    @ParameterizedTest(name = "--tags [{0}] --skip-tags [{1}] task [{2}] → {3}")
    @CsvSource(nullValues = "-", value = {
        "-,       -,      -,            true",
        "-,       -,      never,        false",
        "units,   -,      units,        true",
        "units,   -,      other,        false",
        "units,   -,      -,            false",
        "units,   -,      always,       true",
        "-,       always, always,       false",
        "-,       units,  units,        false",
        "-,       units,  other,        true",
        "never,   -,      never,        true",
        "debug,   -,      never debug,  true",
        "tagged,  -,      x,            true",
        "tagged,  -,      -,            false",
        "untagged,-,      -,            true",
        "all,     -,      x,            true",
        "-,       tagged, x,            false",
        "-,       untagged, -,          false",
    })
    void selectsTasksLikeAnsible(String only, String skip, String taskTags, boolean expected) {
        TagFilter f = new TagFilter(split(only), split(skip));
        assertThat(f.selects(split(taskTags))).isEqualTo(expected);
    }
}

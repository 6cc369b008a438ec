package dev.jsock.pyregex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class PyRegexTest {

    private static boolean finds(String pattern, String text) {
        return PyRegex.compile(pattern, 0, true).matcher(text).find();
    }

    @Test
    void readsAnOpeningBracketInsideAClassAsPythonDoes() {
        assertThat(finds("[[]", "[1]")).isTrue();
        assertThat(finds("[{]", "{")).isTrue();
        assertThat(finds("[]a]", "]")).isTrue();
        assertThat(finds("[^[]x", "ax")).isTrue();
        assertThat(finds("[a&&b]", "&")).isTrue();
    }

    @Test
    void aBraceThatIsNoRepeatIsALiteral() {
        assertThat(finds("server {", "server {")).isTrue();
        assertThat(finds("{mark}", "# {mark}")).isTrue();
        assertThat(finds("^a{2}$", "aa")).isTrue();
        assertThat(finds("^a{,2}$", "a")).isTrue();
    }

    @Test
    void namedGroupsMayHoldUnderscoresAndBeReferredTo() {
        PyRegex re = PyRegex.compile("(?P<key_name>\\w+)=(?P=key_name)", 0, true);
        Matcher m = re.matcher("ab=ab");
        assertThat(m.find()).isTrue();
        assertThat(re.group(m, "key_name")).isEqualTo("ab");
        assertThat(re.expand(m, "\\g<key_name>:\\g<0>:\\1")).isEqualTo("ab:ab=ab:ab");
    }

    @Test
    void pythonOnlySyntaxMeansWhatItMeansInPython() {
        assertThat(finds("a\\Z", "a\n")).isFalse(); // \Z is the very end in Python, unlike Java's
        assertThat(finds("a$", "a\n")).isTrue();
        assertThat(finds("(?#a comment)b", "b")).isTrue();
        assertThat(finds("(?a)\\w", "x")).isTrue();
        assertThat(finds("a.b", "a\rb")).isTrue(); // only \n ends a line for '.'
    }

    @Test
    void templatesExpandEscapesAndLeaveUnmatchedGroupsEmpty() {
        PyRegex re = PyRegex.compile("(a)|(b)", 0, true);
        assertThat(re.subn("ab", "[\\1\\2]\\n", 0).text()).isEqualTo("[a]\n[b]\n");
        assertThat(re.subn("aaa", "x", 2)).isEqualTo(new PyRegex.Substitution("xxa", 2));
    }

    @Test
    void emptyMatchesAreReplacedAsPythonReplacesThem() {
        assertThat(PyRegex.compile("x*", 0, true).subn("abxd", "-", 0).text()).isEqualTo("-a-b--d-");
    }

    @Test
    void aBadPatternNamesItselfInTheError() {
        assertThatThrownBy(() -> PyRegex.compile("(unclosed", 0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'(unclosed'");
        assertThatThrownBy(() -> PyRegex.compile("(?P=nope)", 0, true)).hasMessageContaining("unknown group name 'nope'");
    }

    @Test
    void aMultilineCaretAlsoMatchesAfterTheLastNewlineAsInPython() {
        assertThat(PyRegex.compile("^", PyRegex.MULTILINE, true).subn("a\nb\n", "# ", 0).text()).isEqualTo("# a\n# b\n# ");
        assertThat(PyRegex.compile("(?m)^b", 0, true).subn("a\nb\n", "X", 0).text()).isEqualTo("a\nX\n");
        assertThat(PyRegex.compile("[^a]", PyRegex.MULTILINE, true).subn("ab", "X", 0).text()).isEqualTo("aX");
    }
}

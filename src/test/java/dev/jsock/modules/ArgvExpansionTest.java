package dev.jsock.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgvExpansionTest {
    private static String run(List<String> argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", ArgvExpansion.execLine(argv));
        pb.environment().put("HOME", "/home/x");
        pb.environment().put("SET_EMPTY", "");
        pb.environment().remove("UNSET_ONE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void variablesAndTheHomeDirectoryExpandAsInAnsiblesCommandModule() throws Exception {
        assertThat(run(List.of("printf", "%s|", "$HOME", "~", "~/d", "${HOME}x", "[$SET_EMPTY]", "$UNSET_ONE", "${UNSET_ONE}", "~root")))
                .isEqualTo("/home/x|/home/x|/home/x/d|/home/xx|[]|$UNSET_ONE|${UNSET_ONE}|/root|");
    }

    @Test
    void nothingElseOfTheShellAppliesNorItsOwnVariables() throws Exception {
        assertThat(run(List.of("printf", "%s|", "a b", "$(id)", "*", "`id`", "it's", "~no_such_user_here/x", "", "$1", "$UID", "~-", "~root/x y")))
                .isEqualTo("a b|$(id)|*|`id`|it's|~no_such_user_here/x||$1|$UID|~-|/root/x y|");
    }
}

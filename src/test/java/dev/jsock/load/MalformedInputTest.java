package dev.jsock.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jsock.inventory.InventoryLoader;
import dev.jsock.model.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in src/test/resources/load/bad/ (top level) is one bad input. Its first lines say what
 * the error must contain: "# expect: fragment" and "# at: line[:col]" (absent for -e values).
 * Files named inv-* are inventories, extra-* hold one -e value (last line), the rest are playbooks.
 */
class MalformedInputTest {
    private static final Path BAD = Path.of("src/test/resources/load/bad");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(BAD)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("loop-"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsFileLineAndProblem(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String expect = header(lines, "# expect: ");
        String at = header(lines, "# at: ");
        String name = file.getFileName().toString();

        UserError e = catchThrowableOfType(UserError.class, () -> load(name, file, lines));

        assertThat(e).as("no UserError for " + name).isNotNull();
        assertThat(e.getMessage()).contains(expect);
        // the exit code's kind as ansible-playbook's: a parse error unless the case says otherwise
        String kind = header(lines, "# kind: ");
        assertThat(e.kind()).isEqualTo(UserError.Kind.valueOf(kind.equals("0") ? "PARSE" : kind));
        if (name.startsWith("extra-")) return;
        assertThat(e.source()).isNotNull();
        assertThat(e.source().file()).endsWith(name.equals("import-loop.yml") ? "loop-a.yml" : name);
        if (!at.equals("0")) {
            String[] lc = at.split(":");
            assertThat(e.source().line()).as("line of " + e.describe()).isEqualTo(Integer.parseInt(lc[0]));
            if (lc.length > 1) assertThat(e.source().column()).as("column of " + e.describe()).isEqualTo(Integer.parseInt(lc[1]));
        }
        assertThat(e.describe()).startsWith(e.source().toString() + ": ");
    }

    private static void load(String name, Path file, List<String> lines) {
        if (name.startsWith("inv-")) {
            new InventoryLoader().load(List.of(file));
        } else if (name.startsWith("extra-")) {
            ExtraVars.parse(List.of(lines.get(lines.size() - 1)), BAD);
        } else {
            new PlaybookLoader(List.of(), null).load(file);
        }
    }

    private static String header(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElse("0");
    }
}

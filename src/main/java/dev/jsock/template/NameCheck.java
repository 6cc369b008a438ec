package dev.jsock.template;

import com.hubspot.jinjava.interpret.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds filters and tests a template names that do not exist. Jinjava silently skips an unknown
 * filter; Ansible refuses the whole template, so this check runs before rendering.
 */
final class NameCheck {
    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][\\w.]*)");
    private static final Pattern TEST = Pattern.compile("\\bis\\s+(?:not\\s+)?([A-Za-z_]\\w*)");

    private NameCheck() {
    }

    /** The message and 1-based line of the first unknown name, if any. */
    record Problem(String message, int line) {
    }

    static Optional<Problem> firstUnknown(String text, Context context) {
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String code = block.group(1) != null ? block.group(1) : block.group(2);
            String bare = STRING.matcher(code).replaceAll("''");
            int line = 1 + (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count();
            Matcher filter = FILTER.matcher(bare);
            while (filter.find()) {
                String name = filter.group(1);
                if (context.getFilter(name) == null) {
                    return Optional.of(new Problem("template error while templating string: Could not load \""
                            + name + "\": '" + name + "'", line));
                }
            }
            Matcher test = TEST.matcher(bare);
            while (test.find()) {
                String name = test.group(1);
                if (context.getExpTest(name) == null) {
                    return Optional.of(new Problem("template error while templating string: Could not load \""
                            + name + "\": '" + name + "'", line));
                }
            }
        }
        return Optional.empty();
    }
}

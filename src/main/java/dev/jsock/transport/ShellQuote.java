package dev.jsock.transport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting. Every value that reaches a remote shell passes through here, so a variable
 * such as {@code $(touch /tmp/pwned)} arrives as literal text.
 */
public final class ShellQuote {
    private ShellQuote() {}

    public static String quote(String s) {
        if (!s.isEmpty() && s.chars().allMatch(ShellQuote::isSafe)) return s;
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    public static String join(String... argv) {
        return join(List.of(argv));
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == ',' || c == '+';
    }
}

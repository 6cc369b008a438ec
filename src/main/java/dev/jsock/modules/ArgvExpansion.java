package dev.jsock.modules;

import dev.jsock.transport.ShellQuote;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command module's argument expansion, done on the host as Ansible's module does it there
 * (os.path.expandvars, then expanduser): {@code $NAME} and {@code ${NAME}} become the variable's
 * value when it is set and stay as written when not; a leading {@code ~} is the home directory,
 * {@code ~user} that user's when the user exists. Nothing else of the shell applies: no globbing,
 * no word splitting, no command substitution. An argument without {@code $} or a leading
 * {@code ~} is quoted as it is.
 */
final class ArgvExpansion {
    private static final Pattern VAR = Pattern.compile("\\$(?:([A-Za-z_][A-Za-z0-9_]*)|\\{([A-Za-z_][A-Za-z0-9_]*)})");
    private static final Pattern TILDE_USER = Pattern.compile("~[A-Za-z_][A-Za-z0-9._-]*");
    /**
     * Prints environment variable $1's value when it is set, else the reference as written ($1, or
     * ${1} when $2 is set). printenv sees only the environment, as Python's os.path.expandvars does
     * (not the shell's own variables such as UID or IFS).
     */
    private static final String HELPER = "jsock_var() { if v=$(printenv -- \"$1\"); then printf %s \"$v\";"
            + " elif [ -n \"$2\" ]; then printf '${%s}' \"$1\"; else printf '$%s' \"$1\"; fi; }; ";

    private ArgvExpansion() {}

    /** {@code exec ARGV…} with each argument expanded as Ansible would. */
    static String execLine(List<String> argv) {
        StringBuilder words = new StringBuilder("exec");
        boolean helper = false;
        for (String arg : argv) {
            words.append(' ');
            helper |= word(arg, words);
        }
        return (helper ? HELPER : "") + words;
    }

    /** Appends one shell word for {@code arg}; true when it uses the variable helper. */
    static boolean word(String arg, StringBuilder out) {
        boolean helper = false;
        int from = 0;
        int start = out.length();
        if (arg.startsWith("~")) {
            int slash = arg.indexOf('/');
            String head = slash < 0 ? arg : arg.substring(0, slash);
            if (head.equals("~")) {
                out.append("\"$HOME\"");
                from = head.length();
            } else if (TILDE_USER.matcher(head).matches()) {
                // unquoted, with its slash: the shell expands ~user (only when the user exists) only so
                out.append(head);
                from = head.length();
                if (slash >= 0) {
                    out.append('/');
                    from++;
                }
            }
        }
        Matcher m = VAR.matcher(arg);
        while (m.find(from)) {
            if (m.start() > from) out.append(ShellQuote.quote(arg.substring(from, m.start())));
            boolean braces = m.group(2) != null;
            out.append("\"$(jsock_var ").append(braces ? m.group(2) + " 1" : m.group(1)).append(")\"");
            helper = true;
            from = m.end();
        }
        if (from < arg.length()) out.append(ShellQuote.quote(arg.substring(from)));
        if (out.length() == start) out.append("''");
        return helper;
    }
}

package dev.jsock.pyregex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression written for Python's {@code re} module, compiled to a Java {@link Pattern}
 * that means the same, with Python's replacement templates ({@code \1}, {@code \g<name>}).
 * Playbooks carry Python patterns (lineinfile's regexp, regex_replace's pattern), and the two
 * dialects differ in the details users hit: named groups ({@code (?P<name>)}, names with '_'),
 * a literal '{', '[' inside a class, {@code \Z}, what '.' and '$' take as a line end.
 */
public final class PyRegex {
    public static final int IGNORECASE = 1;
    public static final int MULTILINE = 2;
    public static final int DOTALL = 4;

    private final String source;
    private final Pattern pattern;
    private final Map<String, String> groupNames;

    private PyRegex(String source, Pattern pattern, Map<String, String> groupNames) {
        this.source = source;
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    /**
     * @param unicode true for a pattern on text (Python str: {@code \w}, {@code \d}, case folding
     *                are Unicode-aware), false for one on file bytes (lineinfile reads bytes: ASCII classes)
     * @throws IllegalArgumentException naming the pattern and what is wrong with it
     */
    public static PyRegex compile(String python, int flags, boolean unicode) {
        Translation t = new Translation(python, (flags & MULTILINE) != 0 || python.matches("(?s)\\(\\?[aiLmsux]*m[aiLmsux]*\\).*"));
        int javaFlags = Pattern.UNIX_LINES
                | ((flags & IGNORECASE) != 0 ? Pattern.CASE_INSENSITIVE | (unicode ? Pattern.UNICODE_CASE : 0) : 0)
                | ((flags & MULTILINE) != 0 ? Pattern.MULTILINE : 0)
                | ((flags & DOTALL) != 0 ? Pattern.DOTALL : 0)
                | (unicode ? Pattern.UNICODE_CHARACTER_CLASS : 0);
        try {
            return new PyRegex(python, Pattern.compile(t.java(), javaFlags), t.groupNames());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + python + "': " + e.getDescription());
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    public String source() {
        return source;
    }

    public Matcher matcher(CharSequence text) {
        return pattern.matcher(text);
    }

    /** The text of a group named as the Python pattern names it (a number or a name); null when it did not take part. */
    public String group(Matcher m, String nameOrNumber) {
        if (!nameOrNumber.isEmpty() && nameOrNumber.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(nameOrNumber);
            if (n > m.groupCount()) throw new IllegalArgumentException("invalid group reference " + n);
            return m.group(n);
        }
        return m.group(javaGroupName(nameOrNumber));
    }

    /** The Java name of a group the Python pattern names (Java allows no '_' in group names). */
    public String javaGroupName(String python) {
        String java = groupNames.get(python);
        if (java == null) throw new IllegalArgumentException("unknown group name '" + python + "'");
        return java;
    }

    /** Python's Match.expand: the template with its group references and escapes filled in. */
    public String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 == template.length()) {
                out.append(c);
                continue;
            }
            char n = template.charAt(++i);
            if (n == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int close = template.indexOf('>', i + 2);
                if (close < 0) throw new IllegalArgumentException("missing >, unterminated name in replacement '" + template + "'");
                String g = group(m, template.substring(i + 2, close));
                if (g != null) out.append(g);
                i = close;
            } else if (n >= '0' && n <= '9') {
                int end = i + 1;
                if (end < template.length() && Character.isDigit(template.charAt(end))) end++;
                String digits = template.substring(i, end);
                if (n == '0' || (end < template.length() && isOctal(template.charAt(end)) && isOctal(digits))) {
                    // \0 and three octal digits are a character code in Python's templates
                    int stop = i;
                    while (stop < template.length() && stop < i + 3 && isOctal(template.charAt(stop))) stop++;
                    out.append((char) Integer.parseInt(template.substring(i, stop), 8));
                    i = stop - 1;
                } else {
                    String g = group(m, digits);
                    if (g != null) out.append(g);
                    i = end - 1;
                }
            } else {
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000b');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(n);
                }
            }
        }
        return out.toString();
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static boolean isOctal(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '7');
    }

    /** The text after {@code re.subn(pattern, template, text, count)}, and how many replacements were made. */
    public record Substitution(String text, int count) {}

    /** Python's re.subn; {@code count} 0 replaces every match. */
    public Substitution subn(CharSequence text, String template, long count) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        int done = 0;
        int last = 0;
        while ((count == 0 || done < count) && m.find()) {
            sb.append(text, last, m.start()).append(expand(m, template));
            last = m.end();
            done++;
        }
        sb.append(text, last, text.length());
        return new Substitution(sb.toString(), done);
    }

    /** Python's re.escape: everything but ASCII letters, digits and '_' gets a backslash. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (!(cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_'))) sb.append('\\');
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    /** One pass over a Python pattern producing the Java pattern that means the same. */
    private static final class Translation {
        private final String p;
        private final StringBuilder out = new StringBuilder();
        private final Map<String, String> names = new LinkedHashMap<>();
        private int i;

        /** In MULTILINE, Python's ^ also matches after a newline at the very end of the text; Java's does not. */
        private final boolean multiline;

        Translation(String python, boolean multiline) {
            this.p = python;
            this.multiline = multiline;
            run();
        }

        String java() {
            return out.toString();
        }

        Map<String, String> groupNames() {
            return Map.copyOf(names);
        }

        private void run() {
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') escape();
                else if (c == '[') charClass();
                else if (c == '(' && p.startsWith("(?", i)) group();
                else if (c == '{') brace();
                else if (c == '^' && multiline) {
                    out.append("(?:^|(?<=\\n))");
                    i++;
                }
                else {
                    out.append(c);
                    i++;
                }
            }
        }

        private void escape() {
            if (i + 1 >= p.length()) { // a trailing backslash: let Java report it
                out.append('\\');
                i++;
                return;
            }
            char n = p.charAt(i + 1);
            i += 2;
            switch (n) {
                case 'Z' -> out.append("\\z");
                case 'v' -> out.append("\\x0B");
                case 'U' -> {
                    // \U0001F600: eight hex digits in Python, \x{...} in Java
                    int end = Math.min(i + 8, p.length());
                    out.append("\\x{").append(p, i, end).append('}');
                    i = end;
                }
                default -> out.append('\\').append(n);
            }
        }

        /** '[' and '&&' are literals inside a Python class; Java would read a nested class or an intersection. */
        private void charClass() {
            out.append('[');
            i++;
            if (i < p.length() && p.charAt(i) == '^') out.append(p.charAt(i++));
            if (i < p.length() && p.charAt(i) == ']') {
                out.append("\\]");
                i++;
            }
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\' && i + 1 < p.length()) {
                    char n = p.charAt(i + 1);
                    out.append(n == 'v' ? "\\x0B" : "\\" + n);
                    i += 2;
                    continue;
                }
                i++;
                if (c == ']') {
                    out.append(']');
                    return;
                }
                if (c == '[') out.append("\\[");
                else if (c == '&' && i < p.length() && p.charAt(i) == '&') out.append("\\&");
                else out.append(c);
            }
        }

        private void group() {
            if (p.startsWith("(?P<", i)) {
                int close = p.indexOf('>', i + 4);
                if (close < 0) throw new IllegalArgumentException("invalid regular expression '" + p + "': missing >, unterminated name");
                String name = p.substring(i + 4, close);
                out.append("(?<").append(javaName(name)).append('>');
                i = close + 1;
            } else if (p.startsWith("(?P=", i)) {
                int close = p.indexOf(')', i + 4);
                if (close < 0) throw new IllegalArgumentException("invalid regular expression '" + p + "': missing ), unterminated name");
                String name = p.substring(i + 4, close);
                String java = names.get(name);
                if (java == null) throw new IllegalArgumentException("invalid regular expression '" + p + "': unknown group name '" + name + "'");
                out.append("\\k<").append(java).append('>');
                i = close + 1;
            } else if (p.startsWith("(?#", i)) {
                int close = p.indexOf(')', i);
                i = close < 0 ? p.length() : close + 1; // a comment: Java has no such group
            } else {
                // inline flags: Python's a (ASCII), L (locale) and u (Unicode) have no Java spelling
                int j = i + 2;
                StringBuilder flags = new StringBuilder();
                while (j < p.length() && "aiLmsux-".indexOf(p.charAt(j)) >= 0) {
                    char f = p.charAt(j++);
                    if (f != 'a' && f != 'L' && f != 'u') flags.append(f);
                }
                if (j > i + 2 && j < p.length() && (p.charAt(j) == ')' || p.charAt(j) == ':')) {
                    if (flags.isEmpty() && p.charAt(j) == ')') {
                        i = j + 1;
                        return;
                    }
                    out.append("(?").append(flags.isEmpty() && p.charAt(j) == ':' ? "" : flags).append(p.charAt(j));
                    i = j + 1;
                } else {
                    out.append("(?");
                    i += 2;
                }
            }
        }

        private String javaName(String name) {
            String java = name.matches("[A-Za-z][A-Za-z0-9]*") && !names.containsValue(name) ? name
                    : "pyg" + names.size() + name.replaceAll("[^A-Za-z0-9]", "");
            names.put(name, java);
            return java;
        }

        /** A '{' that does not start a {m}, {m,}, {,n} or {m,n} repeat is a literal in Python. */
        private void brace() {
            int close = p.indexOf('}', i);
            String inside = close < 0 ? null : p.substring(i + 1, close);
            if (inside != null && inside.matches("\\d+(,\\d*)?|,\\d+") && i > 0) {
                out.append('{').append(inside.startsWith(",") ? "0" + inside : inside).append('}');
                i = close + 1;
            } else {
                out.append("\\{");
                i++;
            }
        }
    }
}

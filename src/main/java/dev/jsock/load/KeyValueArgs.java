package dev.jsock.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's inline "k=v k2='a b'" module arguments. Tokens are separated by whitespace outside
 * quotes and Jinja delimiters; a token with an unescaped '=' (not at its start) is a key=value pair
 * whose value loses one pair of matching outer quotes; other tokens are free-form text, kept with
 * their original spacing under "_raw_params". For command/shell ("free-form" modules) only their
 * own options (chdir, creates …) are pulled out; everything else stays command text.
 */
public final class KeyValueArgs {
    /** Options that command/shell accept inline; any other k=v stays part of the command. */
    static final Set<String> COMMAND_OPTIONS = Set.of("creates", "removes", "chdir", "executable", "warn", "stdin",
            "stdin_add_newline", "strip_empty_ends");

    private KeyValueArgs() {}

    /** Thrown for unbalanced quotes or Jinja delimiters; callers add the position. */
    public static final class BadArgs extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArgs(String message) {
            super(message);
        }
    }

    private record Token(String text, String trailing) {}

    /**
     * @param freeForm true for command/shell: only their own options become keys
     * @return keys in order, "_raw_params" last when there is free-form text
     */
    public static Map<String, Object> parse(String text, boolean freeForm) {
        List<Token> tokens = split(text);
        Map<String, Object> out = new LinkedHashMap<>();
        StringBuilder raw = new StringBuilder();
        boolean removed = false;
        for (Token t : tokens) {
            // Ansible decodes backslash escapes in key=value options ("a\nb" becomes two lines), not in free-form text
            String x = decodeEscapes(t.text());
            int eq = equalsIndex(x);
            if (eq > 0) {
                String key = x.substring(0, eq).strip();
                if (!freeForm || COMMAND_OPTIONS.contains(key)) {
                    out.put(key, unquote(x.substring(eq + 1).strip()));
                    removed = true;
                    continue;
                }
            }
            raw.append(t.text()).append(t.trailing());
        }
        if (raw.length() > 0) {
            // Nothing pulled out: keep the text exactly (a multi-line shell script keeps its last newline).
            out.put("_raw_params", removed ? raw.toString().stripTrailing() : text);
        }
        return out;
    }

    /** Index of the first '=' not preceded by a backslash and not at position 0, or -1. */
    private static int equalsIndex(String token) {
        for (int i = 1; i < token.length(); i++) {
            if (token.charAt(i) == '=' && token.charAt(i - 1) != '\\') return i;
        }
        return -1;
    }

    private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile(
            "\\\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|N\\{[^}]+}|[\\\\'\"abfnrtv])");

    /** Python's unicode-escape decoding of the sequences Ansible decodes in key=value arguments. */
    static String decodeEscapes(String s) {
        if (s.indexOf('\\') < 0) return s;
        java.util.regex.Matcher m = ESCAPE.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep = switch (e.charAt(0)) {
                case 'U', 'u', 'x' -> new String(Character.toChars(Integer.parseInt(e.substring(1), 16)));
                case 'N' -> {
                    int cp = Character.codePointOf(e.substring(2, e.length() - 1));
                    yield new String(Character.toChars(cp));
                }
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000b";
                default -> e;
            };
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Removes one pair of matching outer quotes, as Ansible's unquote does. */
    public static String unquote(String v) {
        if (v.length() >= 2) {
            char first = v.charAt(0);
            if ((first == '"' || first == '\'') && v.charAt(v.length() - 1) == first) {
                return v.substring(1, v.length() - 1);
            }
        }
        return v;
    }

    private static List<Token> split(String text) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int jinja = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < n) {
                    cur.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (i + 1 < n && c == '{' && "{%#".indexOf(text.charAt(i + 1)) >= 0) {
                jinja++;
                cur.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (jinja > 0 && i + 1 < n && "}%#".indexOf(c) >= 0 && text.charAt(i + 1) == '}') {
                jinja--;
                cur.append(c).append('}');
                i += 2;
                continue;
            }
            if (jinja == 0 && Character.isWhitespace(c)) {
                int start = i;
                while (i < n && Character.isWhitespace(text.charAt(i))) i++;
                if (cur.length() > 0) {
                    tokens.add(new Token(cur.toString(), text.substring(start, i)));
                    cur.setLength(0);
                }
                continue;
            }
            if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'')) {
                cur.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            // Quotes inside Jinja are Jinja's business; outside they group words into one token.
            if ((c == '"' || c == '\'') && jinja == 0) quote = c;
            cur.append(c);
            i++;
        }
        if (quote != 0) throw new BadArgs("error parsing argument string (unbalanced " + quote + " quote), try quoting the entire line");
        if (jinja > 0) throw new BadArgs("error parsing argument string (unclosed Jinja '{{' or '{%'), try quoting the entire line");
        if (cur.length() > 0) tokens.add(new Token(cur.toString(), ""));
        return tokens;
    }
}

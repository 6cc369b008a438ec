package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jinja source so that Jinjava reads it as Jinja (and Ansible) would:
 * <ul>
 * <li>Backslashes in string literals. Jinjava's literals know only a few escapes and refuse the
 * rest ({@code '\s'} is an error); Jinja keeps an unknown escape as a backslash. In a playbook's
 * own strings (not template files) Ansible goes further and doubles every backslash inside a
 * {@code {{ }}} literal, so {@code regex_replace('\d+', '<\1>')} means what it says and
 * {@code "\n"} is a backslash and an n.</li>
 * <li>A dict literal closing inside an expression, {@code {'a': {'b': 1}}}: Jinjava's template
 * scanner takes the {@code }}} as the end of the expression, so a space goes between.</li>
 * <li>A numeric attribute, {@code result.results.0.stdout}: Jinja reads {@code .0} as an index;
 * in Jinjava it is a syntax error, so it becomes {@code [0]}.</li>
 * <li>A test after filters, {@code x | default('') is match('a')}: in Jinja filters and tests
 * bind to the value before them alike; Jinjava cannot parse a test after a filter, so the value
 * and its filters are put in parentheses.</li>
 * </ul>
 * Text outside expressions and statements, comments and raw blocks are left as they are.
 */
final class JinjaSource {
    private static final Pattern RAW = Pattern.compile("\\{%[-+]?\\s*raw\\s*[-+]?%}");
    private static final Pattern END_RAW = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");
    /** Escapes Jinjava's literals understand; any other backslash is kept as a backslash, as Jinja does. */
    private static final String JINJAVA_ESCAPES = "\\'\"ntbfr";

    private JinjaSource() {}

    /**
     * @param playbookString true for a string from a playbook (Ansible doubles backslashes in the
     *                       literals of its {@code {{ }}} expressions), false for a template file
     */
    static String normalize(String text, boolean playbookString) {
        if (text.indexOf('{') < 0) return text;
        StringBuilder out = new StringBuilder(text.length() + 8);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.startsWith("{#", i)) {
                int end = text.indexOf("#}", i + 2);
                int stop = end < 0 ? n : end + 2;
                out.append(text, i, stop);
                i = stop;
            } else if (text.startsWith("{%", i) && rawAt(text, i)) {
                Matcher m = END_RAW.matcher(text);
                int stop = m.find(i) ? m.end() : n;
                out.append(text, i, stop);
                i = stop;
            } else if (text.startsWith("{{", i) || text.startsWith("{%", i)) {
                i = expression(text, i, out, playbookString);
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean rawAt(String text, int i) {
        Matcher m = RAW.matcher(text);
        return m.find(i) && m.start() == i;
    }

    /** Copies one {{ … }} or {% … %} starting at {@code start}; returns the index after it. */
    private static int expression(String text, int start, StringBuilder out, boolean playbookString) {
        boolean variable = text.charAt(start + 1) == '{';
        out.append(text, start, start + 2);
        int end = regionEnd(text, start + 2, variable ? "}}" : "%}");
        fragment(text, start + 2, end, out, variable && playbookString);
        if (end < text.length()) out.append(text, end, end + 2);
        return Math.min(text.length(), end + 2);
    }

    /** Where the expression started at {@code from} ends (the index of its closing delimiter), or the text's length. */
    private static int regionEnd(String text, int from, String close) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipLiteral(text, i);
                continue;
            }
            if (depth == 0 && text.startsWith(close, i)) return i;
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
            i++;
        }
        return text.length();
    }

    /** The index after the string literal starting at {@code start} (Jinja's escapes). */
    private static int skipLiteral(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) i += text.charAt(i) == '\\' ? 2 : 1;
        return Math.min(text.length(), i + 1);
    }

    /** The expression text in [from, to) rewritten into {@code out}. */
    private static void fragment(String text, int from, int to, StringBuilder out, boolean doubleBackslashes) {
        int inside = out.length();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = Math.min(to, skipLiteral(text, i));
                literal(text.substring(0, end), i, out, doubleBackslashes);
                i = end;
                continue;
            }
            if (c == '{') {
                int close = matching(text, i, to);
                if (close > 0 && dictLiteral(text, i + 1, close, out, doubleBackslashes)) {
                    i = close + 1;
                    continue;
                }
            } else if (c == '[' && (afterName(out) || endsInQuote(out)) && stepSlice(text, i, to, out, inside, doubleBackslashes)) {
                i = matchingSquare(text, i, to) + 1;
                continue;
            } else if (c == 'a' && fqcnPrefix(text, i) > 0 && afterFilterOrTest(out)) {
                // | ansible.builtin.regex_replace(…), is ansible.builtin.match(…): the builtin by its short name
                i += fqcnPrefix(text, i);
                continue;
            } else if (c == '+' && i + 1 < to && Character.isDigit(text.charAt(i + 1)) && !afterExponent(out)) {
                // Jinjava's scanner rejects a '+' written right before a digit (n+1, 2+1); one space fixes it
                out.append("+ ");
                i++;
                continue;
            } else if (c == 'i' && text.startsWith("is", i) && wordAt(text, i, 2)) {
                groupFilterChain(out, inside);
            } else if (c == '.' && i + 1 < to && Character.isDigit(text.charAt(i + 1)) && afterName(out)) {
                int j = i + 1;
                while (j < to && Character.isDigit(text.charAt(j))) j++;
                if (j >= to || !Character.isJavaIdentifierPart(text.charAt(j))) {
                    out.append('[').append(text, i + 1, j).append(']');
                    i = j;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
    }

    /**
     * A slice with a step, {@code x[::-1]} or {@code s[1:10:2]}: Jinjava's parser takes only
     * [a:b], so the whole subscript becomes {@code jsock_slice(x, a, b, step)}. False (nothing
     * written) for any other subscript.
     */
    private static boolean stepSlice(String text, int open, int to, StringBuilder out, int floor, boolean doubleBackslashes) {
        int close = matchingSquare(text, open, to);
        if (close < 0) return false;
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int from = open + 1;
        for (int j = open + 1; j < close; j++) {
            char c = text.charAt(j);
            if (c == '\'' || c == '"') {
                j = skipLiteral(text, j) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(new int[] {from, j});
                from = j + 1;
            }
        }
        parts.add(new int[] {from, close});
        if (parts.size() != 3) return false;
        int start = primaryBack(out, out.length(), floor);
        if (start < 0) return false;
        String base = out.substring(start);
        out.setLength(start);
        out.append("jsock_slice(").append(base);
        for (int[] p : parts) {
            out.append(", ");
            if (text.substring(p[0], p[1]).isBlank()) out.append("none");
            else fragment(text, p[0], p[1], out, doubleBackslashes);
        }
        out.append(')');
        return true;
    }

    /** The index of the ] closing the [ at {@code open} (string literals skipped), or -1. */
    private static int matchingSquare(String text, int open, int to) {
        int depth = 0;
        for (int j = open; j < to; j++) {
            char c = text.charAt(j);
            if (c == '\'' || c == '"') {
                j = skipLiteral(text, j) - 1;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    private static boolean endsInQuote(StringBuilder out) {
        return out.length() > 0 && (out.charAt(out.length() - 1) == '\'' || out.charAt(out.length() - 1) == '"');
    }

    /** The length of "ansible.builtin." (or legacy) before the name of a filter or test ansible-core defines; else 0. */
    private static int fqcnPrefix(String text, int i) {
        for (String p : new String[] {"ansible.builtin.", "ansible.legacy."}) {
            if (!text.startsWith(p, i)) continue;
            int j = i + p.length();
            while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) j++;
            return NameCheck.ANSIBLE_PLUGINS.contains(text.substring(i + p.length(), j)) ? p.length() : 0;
        }
        return 0;
    }

    /** Whether a filter or test name comes next: after '|', or after the word "is" (or "is not"). */
    private static boolean afterFilterOrTest(StringBuilder out) {
        int k = out.length();
        while (k > 0 && Character.isWhitespace(out.charAt(k - 1))) k--;
        if (k > 0 && out.charAt(k - 1) == '|') return true;
        String before = out.substring(0, k);
        return before.matches("(?s).*\\bis(\\s+not)?") ;
    }

    /** Whether the text so far ends in a number's exponent mark (the '+' of 1e+5 is part of the literal). */
    private static boolean afterExponent(StringBuilder out) {
        int k = out.length() - 1;
        if (k < 1 || (out.charAt(k) != 'e' && out.charAt(k) != 'E') || !Character.isDigit(out.charAt(k - 1))) return false;
        while (k > 0 && (Character.isDigit(out.charAt(k - 1)) || out.charAt(k - 1) == '.')) k--;
        return k == 0 || !Character.isJavaIdentifierPart(out.charAt(k - 1));
    }

    /** The index of the } closing the { at {@code open}, before {@code to}; -1 when there is none. */
    private static int matching(String text, int open, int to) {
        int depth = 0;
        int i = open;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipLiteral(text, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) return c == '}' ? i : -1;
            }
            i++;
        }
        return -1;
    }

    /**
     * A dict literal's entries in [from, to) as {@code jsock_dict(key, value, …)}: in Jinja a key is
     * an expression ({@code {item.key: item.value}}, {@code {name: 1}} reads the variable name), where
     * Jinjava would take a bare name as text and refuse anything else. False when it is not
     * key: value pairs (left for the engine to report).
     */
    private static boolean dictLiteral(String text, int from, int to, StringBuilder out, boolean doubleBackslashes) {
        List<int[]> entries = new ArrayList<>();
        int depth = 0;
        int start = from;
        int colon = -1;
        int i = from;
        while (i <= to) {
            char c = i < to ? text.charAt(i) : ',';
            if (i < to && (c == '\'' || c == '"')) {
                i = skipLiteral(text, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (depth == 0 && c == ':' && colon < 0) colon = i;
            else if (depth == 0 && c == ',') {
                // a blank entry is a trailing comma or the empty dict
                if (!text.substring(start, i).isBlank()) {
                    if (colon < 0) return false;
                    entries.add(new int[] {start, colon, i});
                }
                start = i + 1;
                colon = -1;
            }
            i++;
        }
        out.append("jsock_dict(");
        for (int k = 0; k < entries.size(); k++) {
            int[] e = entries.get(k);
            if (k > 0) out.append(", ");
            fragment(text, e[0], e[1], out, doubleBackslashes);
            out.append(',');
            fragment(text, e[1] + 1, e[2], out, doubleBackslashes);
        }
        out.append(')');
        return true;
    }

    private static boolean wordAt(String text, int i, int length) {
        boolean before = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
        int end = i + length;
        boolean after = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
        return before && after;
    }

    /**
     * When {@code out} ends in {@code VALUE | filter(args) | …} (the expression began at
     * {@code floor}), puts that in parentheses, so a test written after it applies to all of it.
     */
    private static void groupFilterChain(StringBuilder out, int floor) {
        // the backward walk below does not read string literals: where one holds a bracket or an
        // escape, leave the expression as it is rather than guess
        if (stringsHoldBracketsOrEscapes(out, floor)) return;
        int end = skipSpaceBack(out, out.length(), floor);
        int k = end;
        boolean filtered = false;
        while (true) {
            // "| name" or "| name(args)" ending at k
            int p = k;
            if (p > floor && out.charAt(p - 1) == ')') {
                p = matchBack(out, p - 1, '(', ')', floor);
                if (p < 0) return;
            }
            int nameEnd = p;
            while (p > floor && Character.isJavaIdentifierPart(out.charAt(p - 1))) p--;
            if (p == nameEnd) break;
            p = skipSpaceBack(out, p, floor);
            if (p <= floor || out.charAt(p - 1) != '|') break;
            filtered = true;
            k = skipSpaceBack(out, p - 1, floor);
        }
        if (!filtered) return;
        int start = primaryBack(out, k, floor);
        if (start < 0) return;
        out.insert(end, ')');
        out.insert(start, '(');
    }

    private static boolean stringsHoldBracketsOrEscapes(StringBuilder out, int floor) {
        int i = floor;
        while (i < out.length()) {
            char c = out.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < out.length() && out.charAt(j) != c) {
                    if ("()[]{}\\".indexOf(out.charAt(j)) >= 0) return true;
                    j++;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return false;
    }

    private static int skipSpaceBack(StringBuilder out, int k, int floor) {
        while (k > floor && Character.isWhitespace(out.charAt(k - 1))) k--;
        return k;
    }

    /** The index of the bracket opening the one closed at {@code close}, or -1. */
    private static int matchBack(StringBuilder out, int close, char open, char shut, int floor) {
        int depth = 0;
        for (int k = close; k >= floor; k--) {
            char c = out.charAt(k);
            if (c == shut) depth++;
            else if (c == open && --depth == 0) return k;
        }
        return -1;
    }

    /** The start of the value (name, attribute, call, subscript, literal, group) ending at {@code k}, or -1. */
    private static int primaryBack(StringBuilder out, int k, int floor) {
        if (k <= floor) return -1;
        int start = k;
        while (start > floor) {
            char c = out.charAt(start - 1);
            if (c == ')' || c == ']' || c == '}') {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                int o = matchBack(out, start - 1, open, c, floor);
                if (o < 0) return -1;
                start = o;
            } else if (c == '\'' || c == '"') {
                int q = start - 2;
                while (q >= floor && out.charAt(q) != c) q--;
                if (q < floor) return -1;
                start = q;
            } else if (Character.isJavaIdentifierPart(c)) {
                while (start > floor && Character.isJavaIdentifierPart(out.charAt(start - 1))) start--;
            } else {
                return -1;
            }
            // continue over ".attr", "name(" and "x[" that lead up to this part
            if (start > floor && out.charAt(start - 1) == '.') {
                start--;
                continue;
            }
            if (start > floor && (out.charAt(start) == '(' || out.charAt(start) == '[')
                    && (Character.isJavaIdentifierPart(out.charAt(start - 1)) || out.charAt(start - 1) == ']' || out.charAt(start - 1) == ')')) {
                continue;
            }
            break;
        }
        return start;
    }

    /** True when {@code out} ends in a name (not a number), a closing bracket or a parenthesis. */
    private static boolean afterName(StringBuilder out) {
        int k = out.length() - 1;
        if (k < 0) return false;
        char last = out.charAt(k);
        if (last == ']' || last == ')') return true;
        if (!Character.isJavaIdentifierPart(last)) return false;
        while (k > 0 && Character.isJavaIdentifierPart(out.charAt(k - 1))) k--;
        return !Character.isDigit(out.charAt(k));
    }

    /**
     * A Python escape Jinjava does not know, at {@code i} (the backslash): octal, {@code \\x},
     * {@code \\u}, {@code \\U}, {@code \\a}, {@code \\v} become their character; any other keeps its
     * backslash, as Python does. Returns the index after it.
     */
    private static int pythonEscape(String text, int i, StringBuilder out) {
        int n = text.length();
        char next = text.charAt(i + 1);
        int code = -1;
        int end = i + 2;
        if (next >= '0' && next <= '7') {
            while (end < n && end < i + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') end++;
            code = Integer.parseInt(text.substring(i + 1, end), 8);
        } else if ((next == 'x' || next == 'u' || next == 'U') && hex(text, i + 2, next == 'x' ? 2 : next == 'u' ? 4 : 8)) {
            end = i + 2 + (next == 'x' ? 2 : next == 'u' ? 4 : 8);
            code = Integer.parseInt(text.substring(i + 2, end), 16);
        } else if (next == 'a') {
            code = 7;
        } else if (next == 'v') {
            code = 11;
        }
        if (code < 0 || code > Character.MAX_CODE_POINT) {
            out.append("\\\\").append(next);
            return i + 2;
        }
        String ch = new String(Character.toChars(code));
        out.append(ch.equals("\\") || ch.equals("'") || ch.equals("\"") ? "\\" + ch : ch);
        return end;
    }

    private static boolean hex(String text, int from, int count) {
        if (from + count > text.length()) return false;
        for (int k = from; k < from + count; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) return false;
        }
        return true;
    }

    /**
     * Copies the string literal starting at {@code start} (its end found with Jinja's escapes);
     * returns the index after it. Backslashes are all doubled ({@code doubleAll}, Ansible's rule
     * for playbook strings) or kept literal where Jinjava would refuse the escape.
     */
    private static int literal(String text, int start, StringBuilder out, boolean doubleAll) {
        char quote = text.charAt(start);
        out.append(quote);
        int n = text.length();
        int i = start + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == quote) {
                out.append(c);
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                char next = text.charAt(i + 1);
                if (doubleAll) {
                    out.append("\\\\").append(next == '\\' ? "\\\\" : String.valueOf(next));
                    i += 2;
                } else if (JINJAVA_ESCAPES.indexOf(next) >= 0) {
                    out.append(c).append(next);
                    i += 2;
                } else {
                    i = pythonEscape(text, i, out);
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return i;
    }
}

package dev.jsock.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Python literal back into a value, as Ansible does with a rendered string that looks like
 * a list, dict or bool. Python's literals only: JSON's true/false/null make it stay text, as in Ansible.
 */
final class PyLiteral {
    private final String s;
    private int pos;

    private PyLiteral(String s) {
        this.s = s;
    }

    static Optional<Object> parse(String text) {
        PyLiteral p = new PyLiteral(text);
        try {
            Object value = p.value();
            p.skipSpace();
            return p.pos == text.length() ? Optional.ofNullable(value).or(() -> Optional.of(NONE)).map(PyLiteral::unwrap) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Optional cannot hold null; None parses to this marker first. */
    private static final Object NONE = new Object();

    private static Object unwrap(Object v) {
        return v == NONE ? null : v;
    }

    private Object value() {
        skipSpace();
        char c = s.charAt(pos);
        if (c == '[' || c == '(') {
            return sequence(c == '[' ? ']' : ')');
        }
        if (c == '{') {
            return dict();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
            return number();
        }
        String word = word();
        switch (word) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default: throw new IllegalArgumentException(word);
        }
    }

    private List<Object> sequence(char close) {
        pos++;
        List<Object> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (s.charAt(pos) == close) {
                pos++;
                return out;
            }
            out.add(value());
            skipSpace();
            if (s.charAt(pos) == ',') {
                pos++;
            } else if (s.charAt(pos) != close) {
                throw new IllegalArgumentException("expected " + close);
            }
        }
    }

    private Map<Object, Object> dict() {
        pos++;
        Map<Object, Object> out = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (s.charAt(pos) == '}') {
                pos++;
                return out;
            }
            Object key = value();
            skipSpace();
            expect(':');
            out.put(key, value());
            skipSpace();
            if (s.charAt(pos) == ',') {
                pos++;
            } else if (s.charAt(pos) != '}') {
                throw new IllegalArgumentException("expected }");
            }
        }
    }

    private String string(char quote) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (s.charAt(pos) != quote) {
            char c = s.charAt(pos++);
            if (c == '\n') {
                throw new IllegalArgumentException("newline in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case '0': sb.append('\0'); break;
                case 'x': sb.append((char) Integer.parseInt(s.substring(pos, pos + 2), 16)); pos += 2; break;
                case 'u': sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16)); pos += 4; break;
                case '\n': break;
                case '\\': case '\'': case '"': sb.append(e); break;
                default: sb.append('\\').append(e);
            }
        }
        pos++;
        return sb.toString();
    }

    private Object number() {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE_xXabcdefABCDEF".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        String text = s.substring(start, pos).replace("_", "");
        if (text.matches("[+-]?\\d+")) {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        }
        return Double.parseDouble(text);
    }

    private String word() {
        int start = pos;
        while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private void expect(char c) {
        if (s.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }
}

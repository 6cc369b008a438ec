package dev.jsock.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INI inventory values as Ansible reads them (Python's literal_eval): numbers, quoted strings,
 * True/False/None, lists, tuples (as lists) and dicts become values; anything that is not a
 * Python literal ("yes", "1.2.3.4", "a b") stays the text it was.
 */
final class PythonLiteral {
    private final String s;
    private int i;

    private PythonLiteral(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        PythonLiteral p = new PythonLiteral(text);
        try {
            p.space();
            Object v = p.value();
            p.space();
            if (p.i < p.s.length() && p.s.charAt(p.i) == '#') p.i = p.s.length();
            return p.i == p.s.length() ? v : text;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return text;
        }
    }

    private void space() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    }

    private Object value() {
        char c = s.charAt(i);
        if (c == '\'' || c == '"') return string(c);
        if (c == '[') return sequence(']');
        if (c == '(') return sequence(')');
        if (c == '{') return dict();
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
        for (String word : List.of("True", "False", "None")) {
            if (s.startsWith(word, i) && !identChar(i + word.length())) {
                i += word.length();
                return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
            }
        }
        throw new IllegalArgumentException("not a literal");
    }

    private boolean identChar(int at) {
        return at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_');
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        i++;
        while (true) {
            char c = s.charAt(i++);
            if (c == quote) return out.toString();
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\\', '\'', '"' -> out.append(e);
                default -> out.append('\\').append(e);
            }
        }
    }

    private List<Object> sequence(char close) {
        List<Object> out = new ArrayList<>();
        i++;
        space();
        while (s.charAt(i) != close) {
            out.add(value());
            space();
            if (s.charAt(i) == ',') {
                i++;
                space();
            } else if (s.charAt(i) != close) {
                throw new IllegalArgumentException("expected ,");
            }
        }
        i++;
        return out;
    }

    private Map<String, Object> dict() {
        Map<String, Object> out = new LinkedHashMap<>();
        i++;
        space();
        while (s.charAt(i) != '}') {
            Object k = value();
            space();
            if (s.charAt(i++) != ':') throw new IllegalArgumentException("expected :");
            space();
            out.put(k == null ? "None" : k instanceof Boolean b ? (b ? "True" : "False") : k.toString(), value());
            space();
            if (s.charAt(i) == ',') {
                i++;
                space();
            }
        }
        i++;
        return out;
    }

    private Object number() {
        int start = i;
        while (i < s.length() && "+-0123456789abcdefABCDEFxXoO_.jJ".indexOf(s.charAt(i)) >= 0) {
            char c = s.charAt(i);
            if ((c == '+' || c == '-') && i > start && "eE".indexOf(s.charAt(i - 1)) < 0) break;
            i++;
        }
        String t = s.substring(start, i).replace("_", "");
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        BigInteger n;
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) n = new BigInteger(body.substring(2), 16);
        else if (lower.startsWith("0o")) n = new BigInteger(body.substring(2), 8);
        else if (lower.startsWith("0b")) n = new BigInteger(body.substring(2), 2);
        else if (lower.matches("[0-9]+")) {
            if (lower.length() > 1 && lower.startsWith("0") && !lower.matches("0+")) throw new IllegalArgumentException("leading zero");
            n = new BigInteger(lower);
        } else if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[-+]?[0-9]+)?")) {
            double d = Double.parseDouble(lower);
            return negative ? -d : d;
        } else {
            throw new IllegalArgumentException("not a number");
        }
        if (negative) n = n.negate();
        if (n.bitLength() < 32) return n.intValue();
        if (n.bitLength() < 64) return n.longValue();
        return n;
    }
}

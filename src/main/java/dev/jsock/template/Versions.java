package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code version} test ({@code ansible_distribution_version is version('12', '>=')}),
 * with the loose versions it compares by default: a version is its runs of digits (numbers) and of
 * letters (text), dots dropped, compared run by run; a number against text is an error, as in
 * Python, and a version that is a prefix of another is the smaller one.
 */
final class Versions {
    private static final Pattern PART = Pattern.compile("(\\d+|[a-z]+|\\.)", Pattern.CASE_INSENSITIVE);

    private Versions() {}

    static boolean test(Object value, Object other, String operator) {
        int c = compare(Values.str(value), Values.str(other));
        return switch (operator) {
            case "==", "=", "eq" -> c == 0;
            case "<", "lt" -> c < 0;
            case "<=", "le" -> c <= 0;
            case ">", "gt" -> c > 0;
            case ">=", "ge" -> c >= 0;
            case "!=", "<>", "ne" -> c != 0;
            default -> throw new IllegalArgumentException("Invalid operator type (" + operator + ")");
        };
    }

    static int compare(String a, String b) {
        List<Object> x = parts(a);
        List<Object> y = parts(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int c;
            if (p instanceof Long m && q instanceof Long n) c = Long.compare(m, n);
            else if (p instanceof String m && q instanceof String n) c = m.compareTo(n);
            else throw new IllegalArgumentException("Version comparison failed: '<' not supported between instances of '"
                    + (p instanceof Long ? "int" : "str") + "' and '" + (q instanceof Long ? "int" : "str") + "'");
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<Object> parts(String version) {
        List<Object> out = new ArrayList<>();
        Matcher m = PART.matcher(version);
        while (m.find()) {
            String p = m.group(1);
            if (p.equals(".")) continue;
            if (Character.isDigit(p.charAt(0))) {
                try {
                    out.add(Long.parseLong(p));
                } catch (NumberFormatException e) {
                    out.add(Long.MAX_VALUE);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}

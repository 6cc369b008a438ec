package dev.jsock.template;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's printf-style formatting ({@code "%s-%05d" % (a, b)}), used by the format filter. */
final class PyPercent {
    private static final Pattern SPEC = Pattern.compile("%([-+ 0#]*)(\\d+)?(?:\\.(\\d+))?([sdirfFeEgGxXo%c])");

    private PyPercent() {
    }

    static String format(String template, Object[] args) {
        Matcher m = SPEC.matcher(template);
        StringBuilder sb = new StringBuilder();
        int next = 0;
        while (m.find()) {
            char conv = m.group(4).charAt(0);
            String piece;
            if (conv == '%') {
                piece = "%";
            } else {
                if (next >= args.length) {
                    throw Failures.raise("not enough arguments for format string");
                }
                piece = convert(conv, m.group(1), m.group(3), args[next++]);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(pad(piece, m.group(1), m.group(2), conv)));
        }
        m.appendTail(sb);
        if (next < args.length) {
            throw Failures.raise("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    private static String convert(char conv, String flags, String precision, Object arg) {
        switch (conv) {
            case 's':
                String s = Values.str(arg);
                return precision == null ? s : s.substring(0, Math.min(s.length(), Integer.parseInt(precision)));
            case 'r':
                return PyRepr.repr(arg);
            case 'd': case 'i':
                return sign(flags, Long.toString(Values.toLong(arg)));
            case 'x': case 'X': case 'o':
                String digits = conv == 'o' ? Long.toOctalString(Values.toLong(arg)) : Long.toHexString(Values.toLong(arg));
                return conv == 'X' ? digits.toUpperCase(Locale.ROOT) : digits;
            case 'c':
                return arg instanceof Number n ? new String(Character.toChars(n.intValue())) : Values.str(arg);
            default:
                int p = precision == null ? 6 : Integer.parseInt(precision);
                double d = ((Number) arg).doubleValue();
                String f = String.format(Locale.ROOT, "%." + p + Character.toLowerCase(conv), d);
                return sign(flags, Character.isUpperCase(conv) ? f.toUpperCase(Locale.ROOT) : f);
        }
    }

    private static String sign(String flags, String number) {
        if (!number.startsWith("-") && flags.contains("+")) {
            return "+" + number;
        }
        if (!number.startsWith("-") && flags.contains(" ")) {
            return " " + number;
        }
        return number;
    }

    private static String pad(String piece, String flags, String width, char conv) {
        int w = width == null ? 0 : Integer.parseInt(width);
        if (piece.length() >= w) {
            return piece;
        }
        if (flags.contains("-")) {
            return piece + " ".repeat(w - piece.length());
        }
        if (flags.contains("0") && conv != 's' && conv != 'r') {
            boolean signed = piece.startsWith("-") || piece.startsWith("+");
            String body = signed ? piece.substring(1) : piece;
            return (signed ? piece.substring(0, 1) : "") + "0".repeat(w - piece.length()) + body;
        }
        return " ".repeat(w - piece.length()) + piece;
    }
}

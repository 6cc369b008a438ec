package dev.jsock.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja 3's own filters where Jinjava's older versions differ: indent (first=, blank=, a string
 * width), truncate (leeway of 5), round (Python's round: half to even), urlencode (%20 in text,
 * + in query pairs).
 */
final class Jinja3Filters {
    private Jinja3Filters() {}

    static List<AnsibleFilter> all() {
        return List.of(
                AnsibleFilter.of("indent", Jinja3Filters::indent),
                AnsibleFilter.of("truncate", Jinja3Filters::truncate),
                AnsibleFilter.of("round", Jinja3Filters::round),
                AnsibleFilter.of("urlencode", (v, a) -> urlencode(v)));
    }

    private static String indent(Object v, Args a) {
        Object width = a.get(0, "width", 4);
        String indention = width instanceof CharSequence s ? s.toString() : " ".repeat((int) Math.max(0, Values.toLong(width)));
        boolean first = PyRepr.truthy(a.get(1, a.has(1, "first") ? "first" : "indentfirst", false));
        boolean blank = PyRepr.truthy(a.get(2, "blank", false));
        String s = Values.str(v) + "\n";
        List<String> lines = new ArrayList<>(List.of(s.split("\r\n|\n|\r", -1)));
        lines.remove(lines.size() - 1); // Python's splitlines() has no empty last line
        StringBuilder out = new StringBuilder();
        if (blank) {
            out.append(String.join("\n" + indention, lines));
        } else {
            out.append(lines.isEmpty() ? "" : lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                out.append('\n').append(line.isEmpty() ? line : indention + line);
            }
        }
        return first ? indention + out : out.toString();
    }

    private static String truncate(Object v, Args a) {
        String s = Values.str(v);
        int length = (int) Values.toLong(a.get(0, "length", 255));
        boolean killwords = PyRepr.truthy(a.get(1, "killwords", false));
        String end = Values.str(a.get(2, "end", "..."));
        int leeway = (int) Values.toLong(a.get(3, "leeway", 5));
        if (s.length() <= length + leeway) return s;
        int cut = Math.max(0, length - end.length());
        if (killwords) return s.substring(0, cut) + end;
        String head = s.substring(0, cut);
        int space = head.lastIndexOf(' ');
        return (space < 0 ? head : head.substring(0, space)) + end;
    }

    private static Object round(Object v, Args a) {
        int precision = (int) Values.toLong(a.get(0, "precision", 0));
        String method = Values.str(a.get(1, "method", "common"));
        RoundingMode mode = switch (method) {
            case "common" -> RoundingMode.HALF_EVEN;
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> throw new IllegalArgumentException("method must be common, ceil or floor");
        };
        // Python's round() of an int is that int
        if (method.equals("common") && (v instanceof Integer || v instanceof Long)) return v;
        double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(Values.str(v));
        // Python rounds the binary double it has, so its exact decimal value is what gets rounded
        return new BigDecimal(d).setScale(precision, mode).doubleValue();
    }

    private static String urlencode(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> pairs = new ArrayList<>();
            m.forEach((k, x) -> pairs.add(formQuote(Values.str(k)) + "=" + formQuote(Values.str(x))));
            return String.join("&", pairs);
        }
        return quote(Values.str(v), "/");
    }

    private static String formQuote(String s) {
        return quote(s, "").replace("%20", "+");
    }

    /** Python's urllib.parse.quote: letters, digits, _.-~ and {@code safe} stay, everything else is %XX of its UTF-8. */
    private static String quote(String s, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0 || (c < 128 && safe.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}

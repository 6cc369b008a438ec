package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Python's str methods, with Python's edge rules (split() on runs of whitespace, title(), strip(chars)). */
final class PyStrings {
    private PyStrings() {
    }

    static Object call(String s, String name, Object[] a) {
        switch (name) {
            case "split":
                return split(s, arg(a, 0), a.length > 1 ? Values.toLong(a[1]) : -1);
            case "splitlines":
                return splitlines(s);
            case "strip":
                return rstrip(lstrip(s, arg(a, 0)), arg(a, 0));
            case "lstrip":
                return lstrip(s, arg(a, 0));
            case "rstrip":
                return rstrip(s, arg(a, 0));
            case "upper":
                return s.toUpperCase(Locale.ROOT);
            case "lower":
                return s.toLowerCase(Locale.ROOT);
            case "capitalize":
                return capitalize(s);
            case "title":
                return title(s);
            case "replace":
                return replace(s, Values.str(a[0]), Values.str(a[1]), a.length > 2 ? Values.toLong(a[2]) : -1);
            case "startswith":
                return affix(s, a[0], true);
            case "endswith":
                return affix(s, a[0], false);
            case "join":
                return String.join(s, Values.iterate(a[0]).stream().map(Values::str).toList());
            case "format":
                return format(s, a);
            case "find":
                return s.indexOf(Values.str(a[0]));
            case "count":
                return countOf(s, Values.str(a[0]));
            case "isdigit":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha":
                return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            default:
                return PythonMethods.NO_SUCH_METHOD;
        }
    }

    private static String arg(Object[] a, int i) {
        return a.length > i && a[i] != null ? Values.str(a[i]) : null;
    }

    static List<String> split(String s, String sep, long maxsplit) {
        List<String> out = new ArrayList<>();
        if (sep == null) {
            String rest = s.stripLeading();
            while (!rest.isEmpty()) {
                if (maxsplit >= 0 && out.size() == maxsplit) {
                    out.add(rest);
                    return out;
                }
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                out.add(rest.substring(0, end));
                rest = rest.substring(end).stripLeading();
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw Failures.raise("empty separator");
        }
        int start = 0;
        int at;
        while ((at = s.indexOf(sep, start)) >= 0 && (maxsplit < 0 || out.size() < maxsplit)) {
            out.add(s.substring(start, at));
            start = at + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    private static List<String> splitlines(String s) {
        List<String> parts = new ArrayList<>(List.of(s.split("\r\n|\r|\n", -1)));
        if (parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length() && stripped(s.charAt(i), chars)) {
            i++;
        }
        return s.substring(i);
    }

    static String rstrip(String s, String chars) {
        int i = s.length();
        while (i > 0 && stripped(s.charAt(i - 1), chars)) {
            i--;
        }
        return s.substring(0, i);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (char c : s.toCharArray()) {
            sb.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousCased = Character.isLetter(c);
        }
        return sb.toString();
    }

    static String replace(String s, String old, String replacement, long count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder sb = new StringBuilder();
        int start = 0;
        int at;
        long done = 0;
        while (done < count && (at = s.indexOf(old, start)) >= 0) {
            sb.append(s, start, at).append(replacement);
            start = at + old.length();
            done++;
        }
        return sb.append(s.substring(start)).toString();
    }

    private static boolean affix(String s, Object what, boolean prefix) {
        List<Object> options = what instanceof CharSequence ? List.of(what) : Values.iterate(what);
        for (Object o : options) {
            String text = Values.str(o);
            if (prefix ? s.startsWith(text) : s.endsWith(text)) {
                return true;
            }
        }
        return false;
    }

    private static int countOf(String s, String part) {
        if (part.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    /** str.format with {} / {0} fields; format specs after ':' are honoured only for plain fields. */
    static String format(String s, Object[] args) {
        StringBuilder sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                sb.append('}');
                i++;
            } else if (c == '{') {
                int end = s.indexOf('}', i);
                String field = s.substring(i + 1, end);
                int colon = field.indexOf(':');
                String ref = colon >= 0 ? field.substring(0, colon) : field;
                int index = ref.isEmpty() ? auto++ : Integer.parseInt(ref);
                sb.append(Values.str(args[index]));
                i = end;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

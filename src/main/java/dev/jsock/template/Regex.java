package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ansible's regex filters with Python's pattern and replacement syntax translated to Java's. */
final class Regex {
    private static final Pattern GROUP_REF = Pattern.compile("\\\\(\\d+)|\\\\g<(\\w+)>");

    private Regex() {
    }

    static Pattern compile(String pattern, boolean ignoreCase, boolean multiline) {
        int flags = (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0) | (multiline ? Pattern.MULTILINE : 0);
        String java = escapeBracketsInClasses(pattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>"));
        try {
            return Pattern.compile(java, flags);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression '" + pattern + "': " + e.getDescription());
        }
    }

    /**
     * Python reads '[' inside a character class as a literal ("[[]" matches "["); Java would open a
     * nested class. Escape it, and '&&', so Python patterns mean the same in Java.
     */
    static String escapeBracketsInClasses(String p) {
        StringBuilder sb = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                sb.append(c).append(p.charAt(++i));
                continue;
            }
            if (!inClass && c == '[') {
                inClass = true;
                sb.append(c);
                if (i + 1 < p.length() && p.charAt(i + 1) == '^') sb.append(p.charAt(++i));
                if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
                    sb.append("\\]");
                    i++;
                }
                continue;
            }
            if (inClass && c == '[') {
                sb.append("\\[");
                continue;
            }
            if (inClass && c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&') {
                sb.append("\\&");
                continue;
            }
            if (inClass && c == ']') inClass = false;
            sb.append(c);
        }
        return sb.toString();
    }

    static Object replace(Object value, Args a) {
        Pattern p = compile(a.string(0, "pattern", ""), a.bool(2, "ignorecase", false), a.bool(3, "multiline", false));
        String replacement = javaReplacement(a.string(1, "replacement", ""));
        long count = Values.toLong(a.get(4, "count", 0));
        Matcher m = p.matcher(Values.str(value));
        StringBuilder sb = new StringBuilder();
        long done = 0;
        while ((count == 0 || done < count) && m.find()) {
            m.appendReplacement(sb, replacement);
            done++;
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Python's \1 and \g<name> become Java's $1 and ${name}; a literal $ is escaped. */
    static String javaReplacement(String python) {
        StringBuilder sb = new StringBuilder();
        Matcher m = GROUP_REF.matcher(python.replace("$", "\\$"));
        while (m.find()) {
            String ref = m.group(1) != null ? "\\$" + m.group(1) : (m.group(2).matches("\\d+") ? "\\$" + m.group(2) : "\\${" + m.group(2) + "}");
            m.appendReplacement(sb, ref);
        }
        m.appendTail(sb);
        return sb.toString().replace("\\n", "\n").replace("\\t", "\t");
    }

    static Object search(Object value, Args a) {
        List<String> groups = new ArrayList<>();
        for (Object arg : a.positional()) {
            groups.add(Values.str(arg));
        }
        Pattern p = compile(groups.isEmpty() ? "" : groups.remove(0), a.bool(-1, "ignorecase", false),
                a.bool(-1, "multiline", false));
        Matcher m = p.matcher(Values.str(value));
        if (!m.find()) {
            return null;
        }
        if (groups.isEmpty()) {
            return m.group();
        }
        List<Object> out = new ArrayList<>();
        for (String g : groups) {
            Matcher ref = GROUP_REF.matcher(g);
            if (ref.matches()) {
                out.add(ref.group(1) != null ? m.group(Integer.parseInt(ref.group(1))) : m.group(ref.group(2)));
            }
        }
        return out;
    }

    static Object findall(Object value, Args a) {
        Pattern p = compile(a.string(0, "regex", ""), a.bool(-1, "ignorecase", false), a.bool(-1, "multiline", false));
        Matcher m = p.matcher(Values.str(value));
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                out.add(m.group());
            } else if (m.groupCount() == 1) {
                out.add(m.group(1));
            } else {
                List<Object> tuple = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    tuple.add(m.group(i));
                }
                out.add(new PyTuple(tuple));
            }
        }
        return out;
    }

    /** Python's re.escape: everything but ASCII letters, digits and '_' gets a backslash. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (!(cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_'))) {
                sb.append('\\');
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    static boolean matches(Object value, String pattern, boolean anchored, Args a) {
        Pattern p = compile(pattern, a.bool(1, "ignorecase", false), a.bool(2, "multiline", false));
        Matcher m = p.matcher(Values.str(value));
        return anchored ? m.lookingAt() : m.find();
    }
}

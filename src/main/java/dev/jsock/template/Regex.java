package dev.jsock.template;

import dev.jsock.pyregex.PyRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** Ansible's regex filters and tests: Python patterns and replacement templates ({@link PyRegex}) on text. */
final class Regex {
    private static final java.util.regex.Pattern GROUP_REF = java.util.regex.Pattern.compile("\\\\(\\d+)|\\\\g<(\\w+)>");

    private Regex() {
    }

    static PyRegex compile(String pattern, boolean ignoreCase, boolean multiline) {
        try {
            return PyRegex.compile(pattern, (ignoreCase ? PyRegex.IGNORECASE : 0) | (multiline ? PyRegex.MULTILINE : 0), true);
        } catch (IllegalArgumentException e) {
            throw Failures.raise(e.getMessage()); // the pattern and what is wrong with it, not a Java exception's name
        }
    }

    static Object replace(Object value, Args a) {
        PyRegex p = compile(a.string(0, "pattern", ""), a.bool(2, "ignorecase", false), a.bool(3, "multiline", false));
        long count = Values.toLong(a.get(4, "count", 0));
        return p.subn(Values.str(value), a.string(1, "replacement", ""), count).text();
    }

    static Object search(Object value, Args a) {
        List<String> groups = new ArrayList<>();
        for (Object arg : a.positional()) {
            groups.add(Values.str(arg));
        }
        PyRegex p = compile(groups.isEmpty() ? "" : groups.remove(0), a.bool(-1, "ignorecase", false),
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
                out.add(p.group(m, ref.group(1) != null ? ref.group(1) : ref.group(2)));
            }
        }
        return out;
    }

    static Object findall(Object value, Args a) {
        PyRegex p = compile(a.string(0, "regex", ""), a.bool(-1, "ignorecase", false), a.bool(-1, "multiline", false));
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

    static String escape(String s) {
        return PyRegex.escape(s);
    }

    static boolean matches(Object value, String pattern, boolean anchored, Args a) {
        Matcher m = compile(pattern, a.bool(1, "ignorecase", false), a.bool(2, "multiline", false)).matcher(Values.str(value));
        return anchored ? m.lookingAt() : m.find();
    }
}

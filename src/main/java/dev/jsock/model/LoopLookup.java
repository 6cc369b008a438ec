package dev.jsock.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's with_X loop (with_nested, with_subelements, with_sequence …): Ansible runs it as
 * query('X', terms), the terms templated first. Kept in the task's loop as a small marked map, so
 * a loop stays one plain value the run templates; {@link #lookup} tells the two apart.
 */
public final class LoopLookup {
    private static final String MARK = "\u0000jsock.with";

    private LoopLookup() {}

    public static Map<String, Object> of(String lookup, Object terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MARK, lookup);
        m.put("terms", terms);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The lookup's name when {@code loop} is a with_X loop (templated or not), else null. */
    public static String lookup(Object loop) {
        return loop instanceof Map<?, ?> m && m.get(MARK) instanceof String s ? s : null;
    }

    public static Object terms(Object loop) {
        return ((Map<?, ?>) loop).get("terms");
    }
}

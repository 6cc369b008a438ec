package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call into the templar: the raw variables, the strings being templated right now (to catch
 * a variable that refers to itself) and the first fatal error. Used by one thread only.
 */
final class RenderSession {
    /** Not a valid identifier, so no template can read or shadow it. */
    static final String KEY = "\u0000jsock.session";

    private final Map<String, Object> vars;
    private final JinjavaTemplar templar;
    private final Set<String> inProgress = new HashSet<>();
    /**
     * Raw strings already templated in this call. A template reads the same variables many times
     * (a loop over 40 values reads each several times), and within one call the variables do not
     * change, so each is templated once; strings that may give a new value each time (random,
     * now(), lookups) are always templated again, as Ansible does.
     */
    private final Map<String, Object> templated = new java.util.HashMap<>();
    /**
     * Every variable this call has read, with its raw value as read (or {@link RenderMemo#ABSENT}):
     * what a remembered render depends on. Kept for the whole call, so that a variable templated
     * once and then taken from {@link #templated} still counts with what its own template read.
     */
    private final Map<String, Object> reads = new java.util.LinkedHashMap<>();
    /** False once the call read something a remembered render must not depend on. */
    private boolean memoable = true;
    /** The text whose render this call is doing on behalf of hosts waiting in {@link RenderMemo}. */
    private String owning;
    private int depth;
    private String failure;
    private int failureLine = -1;

    RenderSession(Map<String, Object> vars, JinjavaTemplar templar) {
        this.vars = vars == null ? Map.of() : vars;
        this.templar = templar;
    }

    /** The raw variables of this call (a lookup('template') renders with them). */
    Map<String, Object> vars() {
        return vars;
    }

    JinjavaTemplar templar() {
        return templar;
    }

    static RenderSession of(JinjavaInterpreter interpreter) {
        Object session = interpreter.getContext().get(KEY);
        return session instanceof RenderSession s ? s : null;
    }

    /** A top-level variable, templated now if its raw value holds Jinja; Undefined when absent. */
    Object variable(String name) {
        record(name);
        if (!vars.containsKey(name)) {
            // Ansible's "vars": every variable of the task as written, untemplated (vars['port_' ~ n])
            if (name.equals("vars")) return java.util.Collections.unmodifiableMap(vars);
            return Undefined.variable(name);
        }
        return materialize(vars.get(name));
    }

    /** Whether a top-level variable exists (recorded as read). */
    boolean has(String name) {
        record(name);
        return vars.containsKey(name) || name.equals("vars");
    }

    /** A top-level variable's raw value, untemplated (recorded as read). */
    Object raw(String name) {
        record(name);
        return vars.get(name);
    }

    private void record(String name) {
        if (name.equals("hostvars") || name.equals("vars")) memoable = false; // live views of every host
        reads.putIfAbsent(name, peek(name));
    }

    /** A raw value as {@link RenderMemo} compares it, without recording a read. */
    Object peek(String name) {
        return vars.containsKey(name) ? vars.get(name) : RenderMemo.ABSENT;
    }

    Map<String, Object> reads() {
        return reads;
    }

    /** Takes over the reads of a remembered render used in place of rendering. */
    void recordAll(Map<String, Object> read) {
        read.forEach((k, v) -> reads.putIfAbsent(k, peek(k)));
    }

    boolean memoable() {
        return memoable && failure == null;
    }

    void ownsRendering(String text) {
        owning = text;
    }

    boolean releaseRendering(String text) {
        if (!text.equals(owning)) return false;
        owning = null;
        return true;
    }

    /** Makes a raw value usable: templates strings, wraps lists and maps so their items are templated on access. */
    Object materialize(Object raw) {
        if (raw instanceof String s && JinjavaTemplar.isPossiblyTemplate(s)) {
            Object known = templated.get(s); // only stable strings are kept there
            if (known != null) return known;
            boolean stable = RenderMemo.stable(s);
            if (!stable) memoable = false;
            if (!inProgress.add(s)) {
                throw Failures.raise("recursive loop detected in template string: " + s);
            }
            try {
                Object value = templar.templateString(s, this);
                if (value != null && failure == null && stable) templated.put(s, value);
                return value;
            } finally {
                inProgress.remove(s);
            }
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        if (raw instanceof LazyMap || raw instanceof LazyList) {
            return raw;
        }
        if (raw instanceof Map<?, ?> m) {
            return new LazyMap(m, this);
        }
        if (raw instanceof List<?> l) {
            return new LazyList(l, this);
        }
        return raw;
    }

    void enter() {
        depth++;
    }

    void leave() {
        depth--;
    }

    boolean nested() {
        return depth > 1;
    }

    /** Records the first error; its line is the one in the outermost template, where the user looks. */
    void fail(String message, int line) {
        if (failure == null) {
            failure = message;
        }
        if (depth <= 1 && failureLine < 0) {
            failureLine = line;
        }
    }

    /** Records the line in the outermost template once a nested failure surfaces there. */
    void locate(int line) {
        if (failure != null && depth <= 1 && failureLine < 0) {
            failureLine = line;
        }
    }

    String failure() {
        return failure;
    }

    int failureLine() {
        return failureLine;
    }
}

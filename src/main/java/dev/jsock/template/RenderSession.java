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
    private int depth;
    private String failure;
    private int failureLine = -1;

    RenderSession(Map<String, Object> vars, JinjavaTemplar templar) {
        this.vars = vars == null ? Map.of() : vars;
        this.templar = templar;
    }

    static RenderSession of(JinjavaInterpreter interpreter) {
        Object session = interpreter.getContext().get(KEY);
        return session instanceof RenderSession s ? s : null;
    }

    /** A top-level variable, templated now if its raw value holds Jinja; Undefined when absent. */
    Object variable(String name) {
        if (!vars.containsKey(name)) {
            return Undefined.variable(name);
        }
        return materialize(vars.get(name));
    }

    /** Makes a raw value usable: templates strings, wraps lists and maps so their items are templated on access. */
    Object materialize(Object raw) {
        if (raw instanceof String s && JinjavaTemplar.isPossiblyTemplate(s)) {
            Object known = templated.get(s);
            if (known != null) return known;
            if (!inProgress.add(s)) {
                throw Failures.raise("recursive loop detected in template string: " + s);
            }
            try {
                Object value = templar.templateString(s, this);
                if (value != null && failure == null && stable(s)) templated.put(s, value);
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

    private static boolean stable(String s) {
        return !(s.contains("random") || s.contains("shuffle") || s.contains("now(") || s.contains("lookup")
                || s.contains("query") || s.contains("q(") || s.contains("uuid"));
    }

    Map<String, Object> rawVars() {
        return vars;
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

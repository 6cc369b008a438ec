package dev.jsock.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** The function a Jinja dict literal becomes ({@link JinjaSource}): keys and values alternate, later keys win. */
public final class DictLiteral {
    private DictLiteral() {}

    /**
     * Jinja's dict(): of a mapping, of a list of pairs (dict(zip(keys, values))), or of name=value
     * arguments; public and static because Jinjava calls it by reflection.
     */
    public static Map<Object, Object> dict(Object... args) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object a : args) {
            if (a instanceof com.hubspot.jinjava.el.ext.NamedParameter p) {
                out.put(p.getName(), p.getValue());
            } else if (a instanceof Map<?, ?> m) {
                out.putAll(m);
            } else if (a instanceof Iterable<?> pairs) {
                for (Object pair : pairs) {
                    java.util.List<?> kv = pair instanceof java.util.List<?> l ? l : null;
                    if (kv == null || kv.size() != 2) throw new IllegalArgumentException("dict() needs pairs, got " + PyRepr.output(pair));
                    out.put(kv.get(0), kv.get(1));
                }
            } else if (a != null) {
                throw new IllegalArgumentException("'" + PyRepr.typeName(a) + "' object is not iterable");
            }
        }
        return out;
    }

    /** Public and static because Jinjava calls it by reflection. */
    public static Map<Object, Object> of(Object... keysAndValues) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object key = keysAndValues[i];
            if (key instanceof Undefined u) throw Failures.raise(u.message());
            // Python's keys: True and 1 are the same key, and the first spelling stays
            Object same = key;
            for (Object existing : out.keySet()) {
                if (PythonEquality.equal(existing, key)) {
                    same = existing;
                    break;
                }
            }
            out.put(same, keysAndValues[i + 1]);
        }
        return out;
    }
}

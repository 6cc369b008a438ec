package dev.jsock.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** The function a Jinja dict literal becomes ({@link JinjaSource}): keys and values alternate, later keys win. */
public final class DictLiteral {
    private DictLiteral() {}

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

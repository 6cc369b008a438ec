package dev.jsock.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A filter's or test's arguments, by position or by Python keyword name. */
final class Args {
    private final String owner;
    private final Object[] positional;
    private final Map<String, Object> keywords;

    Args(String owner, Object[] positional, Map<String, Object> keywords) {
        this.owner = owner;
        Map<String, Object> named = new LinkedHashMap<>(keywords == null ? Map.of() : keywords);
        List<Object> plain = new ArrayList<>();
        for (Object arg : positional == null ? new Object[0] : positional) {
            if (arg instanceof NamedParameter p) {
                named.put(p.getName(), p.getValue());
            } else {
                plain.add(arg);
            }
        }
        this.positional = plain.toArray();
        this.keywords = named;
    }

    int size() {
        return positional.length;
    }

    Object[] positional() {
        return positional.clone();
    }

    boolean has(int index, String keyword) {
        return index < positional.length || keywords.containsKey(keyword);
    }

    /** The argument at this position or with this keyword, else the fallback. */
    Object get(int index, String keyword, Object fallback) {
        if (keywords.containsKey(keyword)) {
            return keywords.get(keyword);
        }
        return index >= 0 && index < positional.length ? positional[index] : fallback;
    }

    Object required(int index, String keyword) {
        if (!has(index, keyword)) {
            throw Failures.raise(owner + "() missing required argument '" + keyword + "'");
        }
        return get(index, keyword, null);
    }

    String string(int index, String keyword, String fallback) {
        Object v = get(index, keyword, fallback);
        return v == null ? null : Values.str(v);
    }

    boolean bool(int index, String keyword, boolean fallback) {
        return PyRepr.truthy(get(index, keyword, fallback));
    }
}

package dev.jsock.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jinja's batch and groupby as Jinja has them (Jinjava's pad a last short batch with None, and
 * its groups are neither tuples to unpack nor lists to take first of).
 */
final class Grouping {
    private Grouping() {}

    static Object batch(Object value, Args a) {
        List<Object> items = Values.iterate(value);
        int size = (int) Values.toLong(a.get(0, "linecount", 1));
        if (size < 1) throw Failures.raise("batch size must be at least 1");
        boolean fill = a.size() > 1 || a.get(1, "fill_with", null) != null;
        Object filler = a.get(1, "fill_with", null);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            List<Object> chunk = new ArrayList<>(items.subList(i, Math.min(items.size(), i + size)));
            while (fill && chunk.size() < size) chunk.add(filler);
            out.add(chunk);
        }
        return out;
    }

    /** groupby('attr'): (grouper, list) pairs sorted by the grouper, as Jinja's namedtuples. */
    static Object groupby(Object value, Args a) {
        String attribute = a.string(0, "attribute", null);
        if (attribute == null) throw Failures.raise("groupby() needs an attribute");
        Object dflt = a.get(1, "default", null);
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>();
        for (Object item : Values.iterate(value)) {
            Object key = Selection.attribute(item, attribute);
            if (key instanceof Undefined) {
                if (dflt == null) throw Failures.raise(((Undefined) key).message());
                key = dflt;
            }
            Object k = key;
            Object existing = keys.stream().filter(x -> Values.pyEquals(x, k)).findFirst().orElse(null);
            if (existing == null) {
                keys.add(key);
                groups.put(key, new ArrayList<>());
                existing = key;
            }
            groups.get(existing).add(item);
        }
        keys.sort(Values::compare);
        List<Object> out = new ArrayList<>();
        for (Object k : keys) out.add(new Group(k, groups.get(k)));
        return out;
    }

    /**
     * One group: a pair (grouper, list) that unpacks in a for loop, indexes as [0]/[1] and answers
     * .grouper and .list. A pair, not a list: Jinjava re-wraps lists it reads from a loop.
     */
    static final class Group extends java.util.AbstractMap.SimpleImmutableEntry<Object, Object> {
        private static final long serialVersionUID = 1L;

        Group(Object grouper, List<Object> list) {
            super(grouper, list);
        }

        Object attribute(Object name) {
            if ("grouper".equals(name)) return getKey();
            if ("list".equals(name)) return getValue();
            return null;
        }

        @Override
        public String toString() {
            return "(" + PyRepr.repr(getKey()) + ", " + PyRepr.repr(getValue()) + ")";
        }
    }
}

package dev.jsock.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Jinja's and Ansible's filters on lists and dicts. */
final class CollectionFilters {
    private CollectionFilters() {
    }

    /** with_items' items: one level of nested lists flattened, a single value as a list of one. */
    static List<Object> withItems(Object v) {
        Values.defined(v);
        if (v == null) return List.of();
        if (!(v instanceof java.util.Collection<?> list)) return java.util.Collections.singletonList(v);
        List<Object> flat = new java.util.ArrayList<>();
        for (Object o : list) {
            if (o instanceof java.util.Collection<?> inner) flat.addAll(inner);
            else flat.add(o);
        }
        return flat;
    }

    static List<AnsibleFilter> all() {
        return List.of(
                AnsibleFilter.of("join", (v, a) -> join(v, a)),
                AnsibleFilter.of("length", (v, a) -> length(v)),
                AnsibleFilter.of("count", (v, a) -> length(v)),
                AnsibleFilter.of("first", (v, a) -> first(v)),
                AnsibleFilter.of("last", (v, a) -> last(v)),
                AnsibleFilter.of("list", (v, a) -> Values.iterate(v)),
                AnsibleFilter.of("unique", (v, a) -> unique(Values.iterate(v))),
                AnsibleFilter.of("sort", CollectionFilters::sort),
                AnsibleFilter.of("reverse", (v, a) -> reverse(v)),
                AnsibleFilter.of("min", (v, a) -> extreme(v, a, -1)),
                AnsibleFilter.of("max", (v, a) -> extreme(v, a, 1)),
                AnsibleFilter.of("sum", CollectionFilters::sum),
                AnsibleFilter.of("zip", CollectionFilters::zip),
                AnsibleFilter.of("flatten", CollectionFilters::flatten),
                AnsibleFilter.of("jsock_with_items", (v, a) -> withItems(v)),
                AnsibleFilter.of("dict2items", CollectionFilters::dict2items),
                AnsibleFilter.of("items2dict", CollectionFilters::items2dict),
                AnsibleFilter.of("combine", Combine::apply),
                AnsibleFilter.of("batch", Grouping::batch),
                AnsibleFilter.of("groupby", Grouping::groupby));
    }

    private static Object join(Object value, Args a) {
        String sep = a.string(0, "d", "");
        Object attribute = a.get(1, "attribute", null);
        List<String> parts = new ArrayList<>();
        for (Object item : Values.iterate(value)) {
            parts.add(Values.str(attribute == null ? item : Selection.attribute(item, attribute)));
        }
        return String.join(sep, parts);
    }

    static int length(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString().codePointCount(0, s.length());
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        if (value instanceof List<?> l) {
            return l.size();
        }
        throw Failures.raise("object of type '" + PyRepr.typeName(value) + "' has no len()");
    }

    private static Object first(Object value) {
        List<Object> items = Values.iterate(value);
        return items.isEmpty() ? new Undefined("No first item, sequence was empty.") : items.get(0);
    }

    private static Object last(Object value) {
        List<Object> items = Values.iterate(value);
        return items.isEmpty() ? new Undefined("No last item, sequence was empty.") : items.get(items.size() - 1);
    }

    private static Object reverse(Object value) {
        if (value instanceof CharSequence s) {
            return new StringBuilder(s).reverse().toString();
        }
        List<Object> items = Values.iterate(value);
        java.util.Collections.reverse(items);
        return items;
    }

    static List<Object> unique(List<Object> items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (out.stream().noneMatch(o -> Values.pyEquals(o, item))) {
                out.add(item);
            }
        }
        return out;
    }

    /** Jinja sorts strings case-insensitively unless told otherwise. */
    private static Comparator<Object> order(Args a, int caseIndex, Object attribute) {
        boolean caseSensitive = a.bool(caseIndex, "case_sensitive", false);
        return (x, y) -> {
            Object kx = attribute == null ? x : Selection.attribute(x, attribute);
            Object ky = attribute == null ? y : Selection.attribute(y, attribute);
            if (!caseSensitive && kx instanceof CharSequence && ky instanceof CharSequence) {
                kx = kx.toString().toLowerCase(Locale.ROOT);
                ky = ky.toString().toLowerCase(Locale.ROOT);
            }
            return Values.compare(kx, ky);
        };
    }

    private static Object sort(Object value, Args a) {
        List<Object> items = Values.iterate(value);
        Comparator<Object> order = order(a, 1, a.get(2, "attribute", null));
        items.sort(a.bool(0, "reverse", false) ? order.reversed() : order);
        return items;
    }

    private static Object extreme(Object value, Args a, int sign) {
        List<Object> items = Values.iterate(value);
        if (items.isEmpty()) {
            return new Undefined("No aggregated item, sequence was empty.");
        }
        Comparator<Object> order = order(a, 0, a.get(1, "attribute", null));
        Object best = items.get(0);
        for (Object item : items) {
            if (order.compare(item, best) * sign > 0) {
                best = item;
            }
        }
        return best;
    }

    private static Object sum(Object value, Args a) {
        Object attribute = a.get(0, "attribute", null);
        Object total = a.get(1, "start", 0);
        for (Object item : Values.iterate(value)) {
            total = Numbers.add(total, attribute == null ? item : Selection.attribute(item, attribute));
        }
        return total;
    }

    private static Object zip(Object value, Args a) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(Values.iterate(value));
        for (Object other : a.positional()) {
            lists.add(Values.iterate(other));
        }
        int n = lists.stream().mapToInt(List::size).min().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> l : lists) {
                row.add(l.get(i));
            }
            out.add(new PyTuple(row));
        }
        return out;
    }

    private static Object flatten(Object value, Args a) {
        Object levels = a.get(0, "levels", null);
        List<Object> out = new ArrayList<>();
        flattenInto(Values.iterate(value), levels == null ? -1 : Values.toLong(levels), a.bool(1, "skip_nulls", true), out);
        return out;
    }

    private static void flattenInto(List<Object> items, long levels, boolean skipNulls, List<Object> out) {
        for (Object item : items) {
            if (skipNulls && (item == null || "None".equals(item))) {
                continue;
            }
            if (item instanceof List<?> l && levels != 0) {
                flattenInto(new ArrayList<>(l), levels - 1, skipNulls, out);
            } else {
                out.add(item);
            }
        }
    }

    private static Object dict2items(Object value, Args a) {
        if (!(value instanceof Map<?, ?> map)) {
            throw Failures.raise("dict2items requires a dictionary, got <class '" + PyRepr.typeName(value) + "'> instead.");
        }
        String keyName = a.string(0, "key_name", "key");
        String valueName = a.string(1, "value_name", "value");
        List<Object> out = new ArrayList<>();
        map.forEach((k, v) -> {
            Map<Object, Object> item = new LinkedHashMap<>();
            item.put(keyName, k);
            item.put(valueName, v);
            out.add(item);
        });
        return out;
    }

    private static Object items2dict(Object value, Args a) {
        String keyName = a.string(0, "key_name", "key");
        String valueName = a.string(1, "value_name", "value");
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object item : Values.iterate(value)) {
            if (!(item instanceof Map<?, ?> m)) {
                throw Failures.raise("items2dict requires a list of dictionaries");
            }
            out.put(Selection.attribute(m, keyName), Selection.attribute(m, valueName));
        }
        return out;
    }
}

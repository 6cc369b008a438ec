package dev.jsock.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's combine filter: later dicts win; recursive merges nested dicts; list_merge for lists. */
final class Combine {
    private Combine() {
    }

    static Object apply(Object value, Args a) {
        boolean recursive = a.bool(-1, "recursive", false);
        String listMerge = a.string(-1, "list_merge", "replace");
        List<Object> dicts = new ArrayList<>();
        dicts.add(value);
        for (Object d : a.positional()) {
            if (d instanceof List<?> l) {
                dicts.addAll(l);
            } else {
                dicts.add(d);
            }
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object d : dicts) {
            if (!(d instanceof Map<?, ?> m)) {
                throw Failures.raise("failed to combine variables, expected dicts but got a '"
                        + PyRepr.typeName(d) + "'");
            }
            merge(out, m, recursive, listMerge);
        }
        return out;
    }

    private static void merge(Map<Object, Object> target, Map<?, ?> source, boolean recursive, String listMerge) {
        source.forEach((k, v) -> {
            Object old = target.get(k);
            if (recursive && old instanceof Map<?, ?> om && v instanceof Map<?, ?> nm) {
                Map<Object, Object> merged = new LinkedHashMap<>(om);
                merge(merged, nm, true, listMerge);
                target.put(k, merged);
            } else if (old instanceof List<?> ol && v instanceof List<?> nl && !"replace".equals(listMerge)) {
                target.put(k, mergeLists(ol, nl, listMerge));
            } else {
                target.put(k, v);
            }
        });
    }

    private static List<Object> mergeLists(List<?> old, List<?> added, String mode) {
        List<Object> out = new ArrayList<>();
        switch (mode) {
            case "keep":
                out.addAll(old);
                break;
            case "append":
                out.addAll(old);
                out.addAll(added);
                break;
            case "prepend":
                out.addAll(added);
                out.addAll(old);
                break;
            case "append_rp":
                old.stream().filter(x -> !added.contains(x)).forEach(out::add);
                out.addAll(added);
                break;
            case "prepend_rp":
                out.addAll(added);
                old.stream().filter(x -> !added.contains(x)).forEach(out::add);
                break;
            default:
                throw Failures.raise("'recursive' and 'list_merge' are the only valid keyword arguments");
        }
        return out;
    }
}

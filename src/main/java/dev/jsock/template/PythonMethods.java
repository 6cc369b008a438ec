package dev.jsock.template;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's methods on str, dict and list values that Ansible templates call ({@code x.split(',')}, {@code d.get('k')}). */
final class PythonMethods {
    static final Object NO_SUCH_METHOD = new Object();

    private PythonMethods() {
    }

    static Object call(Object base, String name, Object[] args) {
        if (base instanceof CharSequence s) {
            return PyStrings.call(s.toString(), name, args);
        }
        if (base instanceof Map<?, ?> m) {
            return dict(m, name, args);
        }
        if (base instanceof List<?> l) {
            return list(l, name, args);
        }
        return NO_SUCH_METHOD;
    }

    private static Object dict(Map<?, ?> map, String name, Object[] args) {
        switch (name) {
            case "items":
                return map.entrySet().stream()
                        .map(e -> new AbstractMap.SimpleImmutableEntry<Object, Object>(e.getKey(), e.getValue()))
                        .collect(Collectors.toList());
            case "keys":
                return new ArrayList<>(map.keySet());
            case "values":
                return new ArrayList<>(map.values());
            case "get": {
                Object key = args.length > 0 ? args[0] : null;
                Object fallback = args.length > 1 ? args[1] : null;
                return map.containsKey(key) ? map.get(key) : fallback;
            }
            case "copy":
                return new java.util.LinkedHashMap<>(map);
            default:
                return NO_SUCH_METHOD;
        }
    }

    private static Object list(List<?> list, String name, Object[] args) {
        switch (name) {
            case "index": {
                int i = indexOf(list, args[0]);
                if (i < 0) {
                    throw Failures.raise(PyRepr.repr(args[0]) + " is not in list");
                }
                return i;
            }
            case "count":
                return (int) list.stream().filter(x -> Values.pyEquals(x, args[0])).count();
            default:
                return NO_SUCH_METHOD;
        }
    }

    private static int indexOf(Collection<?> list, Object wanted) {
        int i = 0;
        for (Object item : list) {
            if (Values.pyEquals(item, wanted)) {
                return i;
            }
            i++;
        }
        return -1;
    }
}

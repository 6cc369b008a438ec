package dev.jsock.template;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Resolves attributes, subscripts and method calls on plain data the way Jinja does in Ansible:
 * a missing key or attribute is {@link Undefined} with Jinja's message (so {@code is defined} and
 * {@code default} work), negative indexes count from the end, and Python's str/dict/list methods
 * are callable. Anything else falls through to Jinjava's own resolvers (e.g. {@code loop.index}).
 */
final class PythonResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || property == null) {
            return null;
        }
        Object result = lookup(base, property);
        if (result != NOT_MINE) {
            context.setPropertyResolved(true);
            return result;
        }
        return null;
    }

    private static final Object NOT_MINE = new Object();

    private static Object lookup(Object base, Object property) {
        if (base instanceof Undefined) {
            return base;
        }
        if (base instanceof Map<?, ?> map) {
            return mapItem(map, property);
        }

        if (base instanceof Grouping.Group g && g.attribute(property) != null) {
            return g.attribute(property);
        }
        if (base instanceof Map.Entry<?, ?> entry) {
            Integer i = index(property, 2);
            return i == null ? Undefined.attribute(List.of(), property) : (i == 0 ? entry.getKey() : entry.getValue());
        }
        if (base instanceof List<?> list) {
            Integer i = index(property, list.size());
            return i == null ? new Undefined("list object has no element " + property) : list.get(i);
        }
        if (base instanceof CharSequence s) {
            Integer i = index(property, s.length());
            return i == null ? Undefined.attribute(s, property) : String.valueOf(s.charAt(i));
        }
        if (base instanceof Number || base instanceof Boolean) {
            // ints, floats and bools have no attributes a template can read: strict undefined, as in Ansible
            return Undefined.attribute(base, property);
        }
        return NOT_MINE;
    }

    private static Object mapItem(Map<?, ?> map, Object property) {
        if (map.containsKey(property)) {
            return map.get(property);
        }
        String name = property.toString();
        if (map.containsKey(name)) {
            return map.get(name);
        }
        try {
            long n = Long.parseLong(name);
            if (map.containsKey((int) n)) {
                return map.get((int) n);
            }
            if (map.containsKey(n)) {
                return map.get(n);
            }
        } catch (NumberFormatException e) {
            // not a number: the key is simply absent
        }
        return Undefined.attribute(map, name);
    }

    /** A Python index into a sequence of the given size, or null when out of range or not a number. */
    private static Integer index(Object property, int size) {
        long n;
        if (property instanceof Number num) {
            n = num.longValue();
        } else {
            try {
                n = Long.parseLong(property.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (n < 0) {
            n += size;
        }
        return n >= 0 && n < size ? (int) n : null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        if (base instanceof Undefined u) {
            throw Failures.raise(u.message());
        }
        Object[] args = params == null ? new Object[0] : params;
        if (MUTATORS.contains(method.toString()) && (base instanceof List || base instanceof Map)) {
            try {
                Object done = Mutators.call(base, method.toString(), args);
                context.setPropertyResolved(true);
                return done;
            } catch (UnsupportedOperationException e) {
                throw Failures.raise("jsock: '" + method + "' cannot change a " + PyRepr.typeName(base)
                        + " that comes from a variable; build a new one instead (for a list: l + [x], for a dict: d | combine({...}))");
            }
        }
        Object result = PythonMethods.call(base, method.toString(), args);
        if (result != PythonMethods.NO_SUCH_METHOD) {
            context.setPropertyResolved(true);
            return result;
        }
        if (base instanceof CharSequence || isData(base) && !pythonMethod(base, method.toString())) {
            // only Python's own methods: a template must never reach Java's (l.stream(), d.entrySet(), n.getClass())
            throw Failures.raise("'" + PyRepr.typeName(base) + " object' has no attribute '" + method + "'");
        }
        return null;
    }

    private static final java.util.Set<String> MUTATORS = java.util.Set.of("append", "extend", "insert", "pop", "remove",
            "clear", "reverse", "sort", "popitem", "setdefault", "update");

    /** Python's list and dict methods that Jinjava's own list and dict types carry (append, update …). */
    private static final java.util.Set<String> LIST_METHODS = java.util.Set.of("append", "extend", "insert", "pop", "remove",
            "clear", "index", "count", "copy", "reverse", "sort");
    private static final java.util.Set<String> DICT_METHODS = java.util.Set.of("keys", "values", "items", "get", "pop",
            "popitem", "setdefault", "update", "clear", "copy");

    private static boolean isData(Object base) {
        return base instanceof Map || base instanceof List || base instanceof Number || base instanceof Boolean
                || base instanceof Map.Entry; // dict items and groupby groups too
    }

    private static boolean pythonMethod(Object base, String name) {
        if (base instanceof List) return LIST_METHODS.contains(name);
        if (base instanceof Map<?, ?> map) {
            // an imported template's macros are called as entries of its namespace: {{ m.render(x) }}
            Object entry = map.get(name);
            return DICT_METHODS.contains(name) || entry instanceof com.hubspot.jinjava.lib.fn.MacroFunction
                    || entry instanceof com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
        }
        return false;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // Templates never write into variables.
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}

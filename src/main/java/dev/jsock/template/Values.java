package dev.jsock.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's conversions and comparisons on template values. */
final class Values {
    private Values() {
    }

    /** Python's str() of a value; using an undefined value fails. */
    static String str(Object value) {
        return PyRepr.str(value);
    }

    static Object defined(Object value) {
        if (value instanceof Undefined u) {
            throw Failures.raise(u.message());
        }
        return value;
    }

    /** Python's iteration: characters of a string, keys of a dict, items of a list. */
    static List<Object> iterate(Object value) {
        defined(value);
        if (value instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] a) {
            return new ArrayList<>(List.of(a));
        }
        if (value instanceof Map.Entry<?, ?> e) { // a pair (dict item, groupby group) iterates as a 2-tuple
            return new ArrayList<>(java.util.Arrays.asList(e.getKey(), e.getValue()));
        }
        if (value instanceof CharSequence s) {
            List<Object> chars = new ArrayList<>();
            s.toString().codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (value instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Iterator<?> i = it.iterator(); i.hasNext(); ) {
                out.add(i.next());
            }
            return out;
        }
        throw Failures.raise("'" + PyRepr.typeName(value) + "' object is not iterable");
    }

    static boolean isNumber(Object value) {
        return value instanceof Number && !(value instanceof Boolean);
    }

    static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    static long toLong(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Long.parseLong(str(value).trim());
    }

    /** Python equality: 1 == 1.0, lists and dicts by content. */
    static boolean pyEquals(Object a, Object b) {
        if (a instanceof Undefined || b instanceof Undefined) {
            defined(a);
            defined(b);
        }
        if (isNumber(a) && isNumber(b)) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return Objects.equals(numberish(a), numberish(b));
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!pyEquals(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static Object numberish(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return v instanceof Number n ? (Object) n.doubleValue() : v;
    }

    /** Python's ordering for sort/min/max: numbers numerically, strings by code point. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<?> sequence(Object o) {
        if (o instanceof List<?> l) return l;
        if (o instanceof Map.Entry<?, ?> e) return java.util.Arrays.asList(e.getKey(), e.getValue());
        return null;
    }

    private static boolean isNumberOrBool(Object o) {
        return o instanceof Boolean || isNumber(o);
    }

    private static double asDouble(Object o) {
        return o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).doubleValue();
    }

    static int compare(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString().compareTo(b.toString());
        }
        // lists, tuples and dict items compare item by item, then by length, as Python's sequences do
        List<?> la = sequence(a);
        List<?> lb = sequence(b);
        if (la != null && lb != null) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                Object x = la.get(i);
                Object y = lb.get(i);
                if (pyEquals(x, y)) continue;
                return compare(x, y);
            }
            return Integer.compare(la.size(), lb.size());
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            if (isNumberOrBool(a) && isNumberOrBool(b)) return Double.compare(asDouble(a), asDouble(b));
        }
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        throw Failures.raise("'<' not supported between instances of '" + PyRepr.typeName(a)
                + "' and '" + PyRepr.typeName(b) + "'");
    }
}

package dev.jsock.template;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;

/** Python's equality: numbers compare by value (True == 1), a string never equals a number, containers compare item by item. */
final class PythonEquality extends AstBinary.SimpleOperator {
    static final PythonEquality EQ = new PythonEquality(false);
    static final PythonEquality NE = new PythonEquality(true);

    private final boolean negate;

    private PythonEquality(boolean negate) {
        this.negate = negate;
    }

    @Override
    protected Object apply(TypeConverter converter, Object a, Object b) {
        // comparing an undefined variable is an error in Ansible (StrictUndefined), not False
        if (a instanceof Undefined u) throw Failures.raise(u.message());
        if (b instanceof Undefined u) throw Failures.raise(u.message());
        return equal(a, b) != negate;
    }

    static boolean equal(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (isNumeric(a) && isNumeric(b)) {
            if (isIntegral(a) && isIntegral(b)) return asLong(a) == asLong(b);
            return asDouble(a) == asDouble(b);
        }
        if (a instanceof CharSequence || b instanceof CharSequence) {
            return a instanceof CharSequence && b instanceof CharSequence && a.toString().equals(b.toString());
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            Iterator<?> ia = la.iterator();
            Iterator<?> ib = lb.iterator();
            while (ia.hasNext()) if (!equal(ia.next(), ib.next())) return false;
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) return false;
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !equal(e.getValue(), mb.get(e.getKey()))) return false;
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean isNumeric(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static boolean isIntegral(Object o) {
        return o instanceof Boolean || o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                || o instanceof java.math.BigInteger;
    }

    private static long asLong(Object o) {
        return o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).longValue();
    }

    private static double asDouble(Object o) {
        return o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).doubleValue();
    }
}

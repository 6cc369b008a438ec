package dev.jsock.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;

/**
 * Python's {@code *} for a string or list and an integer: repetition ({@code '-' * 20},
 * {@code "5" * 2} is {@code "55"}). Everything else is Jinjava's own multiplication.
 */
final class PythonRepeat extends AstBinary.SimpleOperator {
    static final PythonRepeat MUL = new PythonRepeat();

    private PythonRepeat() {}

    @Override
    protected Object apply(TypeConverter converter, Object a, Object b) {
        if (a instanceof Undefined u) throw Failures.raise(u.message());
        if (b instanceof Undefined u) throw Failures.raise(u.message());
        if (repeatable(a) && whole(b)) return repeat(a, ((Number) b).intValue());
        if (whole(a) && repeatable(b)) return repeat(b, ((Number) a).intValue());
        return jinjava.de.odysseus.el.misc.NumberOperations.mul(converter, a, b);
    }

    private static boolean repeatable(Object o) {
        return o instanceof CharSequence || o instanceof List;
    }

    private static boolean whole(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte;
    }

    private static Object repeat(Object value, int times) {
        int n = Math.max(0, times);
        if (value instanceof CharSequence s) return s.toString().repeat(n);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.addAll((List<?>) value);
        return out;
    }
}

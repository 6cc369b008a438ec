package dev.jsock.template;

import java.math.BigInteger;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;

/**
 * Python's arithmetic where Java's differs, around Jinjava's own operators: integers never
 * overflow (they grow, as Python's do: 2**62 * 4 is 18446744073709551616, not 0), a division or
 * modulo by zero is Python's ZeroDivisionError instead of inf or a Java exception, and % takes
 * the divisor's sign (-7 % 3 is 2). Anything but two numbers goes to the wrapped operator.
 */
final class PythonArithmetic implements AstBinary.Operator {
    enum Kind { ADD, SUB, MUL, DIV, MOD }

    private final AstBinary.Operator wrapped;
    private final Kind kind;

    PythonArithmetic(AstBinary.Operator wrapped, Kind kind) {
        this.wrapped = wrapped;
        this.kind = kind;
    }

    @Override
    public Object eval(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context,
                       jinjava.de.odysseus.el.tree.impl.ast.AstNode left, jinjava.de.odysseus.el.tree.impl.ast.AstNode right) {
        Object a = left.eval(bindings, context);
        Object b = right.eval(bindings, context);
        if (whole(a) && whole(b)) return integers(big(a), big(b));
        if (number(a) && number(b) && (kind == Kind.DIV || kind == Kind.MOD)) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            if (y == 0) throw zeroDivision();
            return kind == Kind.DIV ? x / y : x - y * Math.floor(x / y);
        }
        // each operand is evaluated once: the wrapped operator gets the values, not the expressions
        return wrapped.eval(bindings, context, new ConstantNode(a), new ConstantNode(b));
    }

    private Object integers(BigInteger x, BigInteger y) {
        switch (kind) {
            case ADD: return narrow(x.add(y));
            case SUB: return narrow(x.subtract(y));
            case MUL: return narrow(x.multiply(y));
            case DIV:
                if (y.signum() == 0) throw zeroDivision();
                return x.doubleValue() / y.doubleValue();
            default:
                if (y.signum() == 0) throw Failures.raise("integer division or modulo by zero");
                BigInteger r = x.mod(y.abs());
                return narrow(y.signum() < 0 && r.signum() != 0 ? r.add(y) : r);
        }
    }

    private static RuntimeException zeroDivision() {
        return Failures.raise("division by zero");
    }

    /** Back to int or long when the value fits, so the rest of the engine sees the types it knows. */
    static Number narrow(BigInteger v) {
        if (v.bitLength() < 32) return v.intValue();
        if (v.bitLength() < 64) return v.longValue();
        return v;
    }

    private static boolean whole(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte || o instanceof BigInteger
                || o instanceof Boolean; // True + 1 is 2 in Python
    }

    private static boolean number(Object o) {
        return o instanceof Number;
    }

    private static BigInteger big(Object o) {
        if (o instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
    }

    /** An already evaluated operand, handed to the wrapped operator's eval. */
    private static final class ConstantNode extends jinjava.de.odysseus.el.tree.impl.ast.AstNode {
        private final Object value;

        ConstantNode(Object value) {
            this.value = value;
        }

        @Override
        public Object eval(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context) {
            return value;
        }

        @Override
        public void appendStructure(StringBuilder builder, jinjava.de.odysseus.el.tree.Bindings bindings) {
            builder.append(value);
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }

        @Override
        public boolean isLiteralText() { return false; }
        @Override
        public boolean isLeftValue() { return false; }
        @Override
        public boolean isMethodInvocation() { return false; }
        @Override
        public jinjava.javax.el.ValueReference getValueReference(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context) { return null; }
        @Override
        public Class<?> getType(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context) { return null; }
        @Override
        public boolean isReadOnly(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context) { return true; }
        @Override
        public void setValue(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context, Object value) { }
        @Override
        public jinjava.javax.el.MethodInfo getMethodInfo(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context, Class<?> returnType, Class<?>[] paramTypes) { return null; }
        @Override
        public Object invoke(jinjava.de.odysseus.el.tree.Bindings bindings, jinjava.javax.el.ELContext context, Class<?> returnType, Class<?>[] paramTypes, Object[] paramValues) { return null; }
        @Override
        public int getCardinality() { return 0; }
        @Override
        public jinjava.de.odysseus.el.tree.Node getChild(int i) { return null; }
    }
}

package dev.jsock.template;

import java.math.BigInteger;

/** Jinja's int/float/abs filters: lenient conversions that fall back to a default. */
final class Numbers {
    private Numbers() {
    }

    static Object toInt(Object value, Args a) {
        Object fallback = a.get(0, "default", 0);
        int base = (int) Values.toLong(a.get(1, "base", 10));
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return Values.isFloat(n) ? narrow(BigInteger.valueOf((long) n.doubleValue())) : n;
        }
        String s = Values.str(value).strip().replace("_", "");
        try {
            if (base == 16 && (s.startsWith("0x") || s.startsWith("0X"))) {
                s = s.substring(2);
            }
            return narrow(new BigInteger(s, base));
        } catch (NumberFormatException e) {
            try {
                return narrow(BigInteger.valueOf((long) Double.parseDouble(s)));
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    static Object toFloat(Object value, Args a) {
        Object fallback = a.get(0, "default", 0.0);
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String s = Values.str(value).strip();
        try {
            if (s.matches("(?i)[+-]?(inf|infinity|nan)")) {
                return Double.parseDouble(s.toLowerCase().replace("inf", "Infinity").replace("infinityinity", "Infinity")
                        .replace("nan", "NaN"));
            }
            if (!s.matches("[+-]?(\\d[\\d_]*\\.?[\\d_]*|\\.\\d[\\d_]*)([eE][+-]?\\d+)?")) {
                return fallback;
            }
            return Double.parseDouble(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Object abs(Object value) {
        if (Values.isFloat(value)) {
            return Math.abs(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return narrow(BigInteger.valueOf(n.longValue()).abs());
        }
        throw Failures.raise("bad operand type for abs(): '" + PyRepr.typeName(value) + "'");
    }

    static Object narrow(BigInteger n) {
        if (n.bitLength() < 32) {
            return n.intValue();
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    /** Adds two numbers as Python does: int + int stays int, anything with a float is float. */
    static Object add(Object a, Object b) {
        if (Values.isFloat(a) || Values.isFloat(b)) {
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }
        return narrow(BigInteger.valueOf(((Number) a).longValue()).add(BigInteger.valueOf(((Number) b).longValue())));
    }
}

package dev.jsock.load;

import java.math.BigInteger;

/** Small value helpers shared by the YAML and key=value readers. */
final class PyStr {
    private PyStr() {}

    /** A scalar as Python's str() shows it, for mapping keys that are not strings (True, 1, None). */
    static String of(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        return v.toString();
    }

    /** Integers as Integer when they fit, else Long, else BigInteger: what templating code expects most often. */
    static Object narrow(BigInteger n) {
        if (n.bitLength() < 32) return n.intValue();
        if (n.bitLength() < 64) return n.longValue();
        return n;
    }
}

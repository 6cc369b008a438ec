package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's range() for templates. Jinjava's own stops silently at 1000 items, so a loop over
 * range(1500) ran 1000 times; this one gives every item, and refuses (with an error, never a
 * shorter list) a range too large to hold.
 */
final class PyRange {
    static final long MAX_ITEMS = 10_000_000;

    private PyRange() {}

    public static List<Object> range(Object... args) {
        if (args.length == 0 || args.length > 3) throw Failures.raise("range expected 1 to 3 arguments, got " + args.length);
        long start = 0;
        long step = 1;
        long stop;
        if (args.length == 1) {
            stop = whole(args[0]);
        } else {
            start = whole(args[0]);
            stop = whole(args[1]);
            if (args.length == 3) step = whole(args[2]);
        }
        if (step == 0) throw Failures.raise("range() arg 3 must not be zero");
        long count = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        if (count <= 0) return new ArrayList<>();
        if (count > MAX_ITEMS) {
            throw Failures.raise("range() of " + count + " items is more than jsock builds (" + MAX_ITEMS + ")");
        }
        List<Object> out = new ArrayList<>((int) count);
        for (long v = start, i = 0; i < count; i++, v += step) out.add(v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : v);
        return out;
    }

    private static long whole(Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) return ((Number) o).longValue();
        if (o instanceof Boolean b) return b ? 1 : 0;
        throw Failures.raise("'" + PyRepr.typeName(o) + "' object cannot be interpreted as an integer");
    }
}

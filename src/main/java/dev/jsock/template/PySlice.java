package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;

/** Python's seq[start:stop:step] for lists and strings (JinjaSource writes x[::-1] as jsock_slice(x, none, none, -1)). */
final class PySlice {
    private PySlice() {}

    public static Object slice(Object seq, Object start, Object stop, Object step) {
        long st = step == null ? 1 : whole(step);
        if (st == 0) throw Failures.raise("slice step cannot be zero");
        List<Object> items;
        String text = null;
        if (seq instanceof CharSequence s) {
            text = s.toString();
            items = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) items.add(text.charAt(i));
        } else if (seq instanceof List<?> l) {
            items = new ArrayList<>(l);
        } else {
            throw Failures.raise("'" + PyRepr.typeName(seq) + "' object is not subscriptable");
        }
        int n = items.size();
        long lo;
        long hi;
        if (st > 0) {
            lo = start == null ? 0 : clamp(whole(start), n, 0, n);
            hi = stop == null ? n : clamp(whole(stop), n, 0, n);
        } else {
            lo = start == null ? n - 1 : clamp(whole(start), n, -1, n - 1);
            hi = stop == null ? -1 : clamp(whole(stop), n, -1, n - 1);
        }
        List<Object> out = new ArrayList<>();
        for (long i = lo; st > 0 ? i < hi : i > hi; i += st) out.add(items.get((int) i));
        if (text == null) return out;
        StringBuilder sb = new StringBuilder();
        for (Object c : out) sb.append(c);
        return sb.toString();
    }

    /** A Python index: negative counts from the end, then held within [min, max]. */
    private static long clamp(long i, int n, long min, long max) {
        if (i < 0) i += n;
        return Math.max(min, Math.min(max, i));
    }

    private static long whole(Object o) {
        if (o instanceof Number x && !(o instanceof Double) && !(o instanceof Float)) return x.longValue();
        throw Failures.raise("slice indices must be integers or None");
    }
}

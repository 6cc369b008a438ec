package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * with_sequence / lookup('sequence'): "start=1 end=10 stride=2 format=web%02d", the shortcut
 * "[start-]end[/stride][:format]", or count= instead of end. Items are text, as Ansible's are.
 */
final class Sequence {
    private Sequence() {}

    static List<Object> of(String spec, Map<String, Object> kwargs) {
        long start = 1;
        Long end = null;
        Long count = null;
        long stride = 1;
        String format = "%d";
        String s = spec.strip();
        var shortcut = java.util.regex.Pattern.compile("(?:(-?\\d+|0x[0-9a-f]+)-)?(-?\\d+|0x[0-9a-f]+)(?:/(-?\\d+|0x[0-9a-f]+))?(?::(.+))?")
                .matcher(s);
        if (!s.contains("=") && shortcut.matches()) {
            if (shortcut.group(1) != null) start = number(shortcut.group(1));
            end = number(shortcut.group(2));
            if (shortcut.group(3) != null) stride = number(shortcut.group(3));
            if (shortcut.group(4) != null) format = shortcut.group(4);
        } else {
            java.util.Map<String, Object> kv = new java.util.LinkedHashMap<>(kwargs);
            for (String part : s.isEmpty() ? new String[0] : s.split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq < 0) throw Failures.raise("can't parse arg " + part + " in sequence spec '" + spec + "'");
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
            if (kv.containsKey("start")) start = number(kv.get("start"));
            if (kv.containsKey("end")) end = number(kv.get("end"));
            if (kv.containsKey("count")) count = number(kv.get("count"));
            if (kv.containsKey("stride")) stride = number(kv.get("stride"));
            if (kv.containsKey("format")) format = String.valueOf(kv.get("format"));
        }
        if (count != null && end != null) throw Failures.raise("can't specify both count and end in with_sequence");
        if (count == null && end == null) throw Failures.raise("must specify count or end in with_sequence");
        if (count != null) {
            end = count == 0 ? start - stride : start + (count - 1) * stride;
        }
        if (stride == 0) return new ArrayList<>();
        if (stride > 0 && end < start) throw Failures.raise("to count backwards make stride negative");
        if (stride < 0 && end > start) throw Failures.raise("to count forward don't make stride negative");
        List<Object> out = new ArrayList<>();
        for (long i = start; stride > 0 ? i <= end : i >= end; i += stride) {
            if (out.size() >= PyRange.MAX_ITEMS) throw Failures.raise("with_sequence gives more than " + PyRange.MAX_ITEMS + " items");
            out.add(PyPercent.format(format, new Object[] {i}));
        }
        return out;
    }

    private static long number(Object o) {
        String s = String.valueOf(o).strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.startsWith("0x")) return Long.parseLong(s.substring(2), 16);
            if (s.startsWith("0o")) return Long.parseLong(s.substring(2), 8);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Failures.raise("can't parse " + o + " as an integer in with_sequence");
        }
    }
}

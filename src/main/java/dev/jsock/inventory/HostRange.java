package dev.jsock.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Host names with ranges, "web[01:10]" or "db-[a:c]", optionally "[1:10:2]"; and a trailing ":port". */
final class HostRange {
    private static final Pattern RANGE = Pattern.compile("\\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::([0-9]+))?]");

    /** A host pattern split into its name part and port (null when none). */
    record Address(String name, Integer port) {}

    private HostRange() {}

    /** "h:22" → (h, 22); "[::1]:22" and bare IPv6 addresses are handled; brackets of ranges are not ports. */
    static Address splitPort(String pattern) {
        if (pattern.startsWith("[") && pattern.contains("]:") && pattern.indexOf(':') < pattern.indexOf(']')
                && !RANGE.matcher(pattern).lookingAt()) {
            int close = pattern.indexOf("]:");
            return new Address(pattern.substring(1, close), Integer.parseInt(pattern.substring(close + 2)));
        }
        int depth = 0;
        int lastColon = -1;
        int colons = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ':' && depth == 0) {
                lastColon = i;
                colons++;
            }
        }
        if (colons == 1) {
            String port = pattern.substring(lastColon + 1);
            if (port.matches("[0-9]+")) return new Address(pattern.substring(0, lastColon), Integer.parseInt(port));
        }
        return new Address(pattern, null);
    }

    static List<String> expand(String name) {
        Matcher m = RANGE.matcher(name);
        if (!m.find()) return List.of(name);
        String head = name.substring(0, m.start());
        String tail = name.substring(m.end());
        String start = m.group(1);
        String end = m.group(2);
        int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (step < 1) throw new IllegalArgumentException("range step must be positive");
        List<String> items = new ArrayList<>();
        if (start.matches("[0-9]+") && end.matches("[0-9]+")) {
            int width = start.length();
            int a = Integer.parseInt(start);
            int b = Integer.parseInt(end);
            if (a > b) throw new IllegalArgumentException("range start is greater than its end: " + m.group());
            for (int i = a; i <= b; i += step) {
                String n = Integer.toString(i);
                items.add(start.startsWith("0") ? "0".repeat(Math.max(0, width - n.length())) + n : n);
            }
        } else if (start.length() == 1 && end.length() == 1 && Character.isLetter(start.charAt(0)) && Character.isLetter(end.charAt(0))) {
            if (start.charAt(0) > end.charAt(0)) throw new IllegalArgumentException("range start is greater than its end: " + m.group());
            for (char c = start.charAt(0); c <= end.charAt(0); c += (char) step) items.add(String.valueOf(c));
        } else {
            throw new IllegalArgumentException("invalid range " + m.group() + ": use [01:10] or [a:f]");
        }
        List<String> out = new ArrayList<>();
        for (String item : items) for (String rest : expand(tail)) out.add(head + item + rest);
        return out;
    }
}

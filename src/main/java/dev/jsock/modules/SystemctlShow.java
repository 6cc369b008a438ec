package dev.jsock.modules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code systemctl show UNIT} output into properties. Values are single lines, except that
 * Exec* values written as {@code { … }} may span lines (the only ones known to), so only those are
 * joined — a Description starting with "{" must not swallow the rest.
 */
final class SystemctlShow {
    private SystemctlShow() {}

    static Map<String, String> parse(String out) {
        Map<String, String> props = new LinkedHashMap<>();
        String key = null;
        StringBuilder multi = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (key == null) {
                int eq = line.indexOf('=');
                if (eq < 0) continue;
                String k = line.substring(0, eq);
                String v = line.substring(eq + 1);
                if (k.startsWith("Exec") && v.stripLeading().startsWith("{") && !v.stripTrailing().endsWith("}")) {
                    key = k;
                    multi.setLength(0);
                    multi.append(v);
                    continue;
                }
                props.put(k, v.strip());
            } else {
                multi.append('\n').append(line);
                if (line.stripTrailing().endsWith("}")) {
                    props.put(key, multi.toString().strip());
                    key = null;
                }
            }
        }
        return props;
    }
}

package dev.jsock.systemd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses `systemctl show -p … UNIT…` output: one block of KEY=VALUE lines per unit, blocks
 * separated by a blank line, keyed by their Id. Keys that repeat (Listen=) keep every value.
 */
public final class UnitProperties {
    private UnitProperties() {}

    public static Map<String, Map<String, List<String>>> parse(String output) {
        Map<String, Map<String, List<String>>> units = new LinkedHashMap<>();
        Map<String, List<String>> block = new LinkedHashMap<>();
        for (String line : (output + "\n\n").split("\n", -1)) {
            if (line.isBlank()) {
                List<String> id = block.get("Id");
                if (id != null && !id.isEmpty()) units.put(id.get(0), block);
                block = new LinkedHashMap<>();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            block.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
        }
        return units;
    }

    public static String first(Map<String, List<String>> unit, String key) {
        if (unit == null) return "";
        List<String> v = unit.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }
}

package dev.jsock.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unmodifiable, insertion-ordered copies of YAML-shaped maps. Map.copyOf would lose key order,
 * which Ansible keeps (dict order shows up in rendered templates), and refuses null values, which
 * YAML has ("key:" with nothing after it).
 */
public final class Maps {
    private Maps() {}

    public static <V> Map<String, V> copy(Map<String, V> map) {
        if (map == null || map.isEmpty()) return Map.of();
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

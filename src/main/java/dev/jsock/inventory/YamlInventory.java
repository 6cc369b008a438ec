package dev.jsock.inventory;

import dev.jsock.model.Source;
import dev.jsock.model.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's YAML inventory: top-level groups (usually just "all"), each a dictionary with
 * optional "hosts" (host → vars), "vars" and "children" (group → the same shape). Ansible only
 * warns about other keys in a group and skips them; jsock refuses them so nothing is silently lost.
 */
final class YamlInventory {
    private final String file;
    private final InventoryBuilder inv;

    YamlInventory(String file, InventoryBuilder inv) {
        this.file = file;
        this.inv = inv;
    }

    void parse(Map<String, Object> data) {
        if (data.containsKey("plugin")) {
            throw error("inventory plugins ('plugin: " + data.get("plugin") + "') are not supported by jsock");
        }
        for (Map.Entry<String, Object> e : data.entrySet()) group(e.getKey(), e.getValue(), null);
    }

    private UserError error(String message) {
        return UserError.parse(Source.of(file), message);
    }

    private void group(String name, Object def, String parent) {
        inv.group(name);
        if (parent != null) inv.child(parent, name);
        if (def == null) return;
        if (!(def instanceof Map<?, ?> m)) {
            throw error("Invalid group '" + name + "': it must be a dictionary (with hosts, vars, children), got "
                    + kind(def));
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = (String) e.getKey();
            Object v = e.getValue();
            switch (key) {
                case "vars" -> dict(name, key, v).forEach((k, x) -> inv.groupVar(name, k, x));
                case "hosts" -> dict(name, key, v).forEach((h, vars) -> hosts(name, h, vars));
                case "children" -> dict(name, key, v).forEach((c, cdef) -> group(c, cdef, name));
                default -> throw error("unexpected key (" + key + ") in group (" + name + "), only \"vars\", \"children\""
                        + " and \"hosts\" are valid");
            }
        }
    }

    private void hosts(String group, String pattern, Object vars) {
        if (vars != null && !(vars instanceof Map)) {
            throw error("Invalid host '" + pattern + "' in group '" + group + "': its vars must be a dictionary, got " + kind(vars));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> hostVars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) vars);
        HostRange.Address address = HostRange.splitPort(pattern);
        if (address.port() != null) hostVars.put("ansible_port", address.port());
        try {
            for (String h : HostRange.expand(address.name())) inv.host(group, h, hostVars);
        } catch (IllegalArgumentException e) {
            throw error("Invalid host pattern '" + pattern + "': " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dict(String group, String key, Object v) {
        if (v == null) return Map.of();
        if (!(v instanceof Map)) {
            throw error("Invalid '" + key + "' entry for '" + group + "' group, requires a dictionary, found " + kind(v) + " instead.");
        }
        return (Map<String, Object>) v;
    }

    private static String kind(Object v) {
        if (v instanceof List) return "a list";
        if (v instanceof String) return "a string";
        return "a " + v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}

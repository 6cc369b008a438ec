package dev.jsock.model;

import java.util.List;
import java.util.Map;

/**
 * A host in the inventory with its own variables (inventory host vars and host_vars/ files merged)
 * and the groups it belongs to, directly or through children, in Ansible's order.
 */
public record Host(String name, Map<String, Object> vars, List<String> groups) {
    public Host {
        vars = Maps.copy(vars);
        groups = List.copyOf(groups);
    }
}

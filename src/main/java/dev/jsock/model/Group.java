package dev.jsock.model;

import java.util.List;
import java.util.Map;

/**
 * An inventory group. {@code depth} is the distance from "all" (all = 0), which decides the order in
 * which group vars are merged: shallower groups first, then by name, as Ansible does.
 */
public record Group(String name, Map<String, Object> vars, List<String> children, List<String> hosts, int depth) {
    public Group {
        vars = Maps.copy(vars);
        children = List.copyOf(children);
        hosts = List.copyOf(hosts);
    }
}

package dev.jsock.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hosts and groups, in inventory order. Every host is in "all"; hosts in no other group are also in "ungrouped". */
public record Inventory(Map<String, Host> hosts, Map<String, Group> groups) {
    public Inventory {
        hosts = Maps.copy(hosts);
        groups = Maps.copy(groups);
    }

    public Host host(String name) {
        return hosts.get(name);
    }

    /**
     * The same inventory with {@code defaults} beneath every variable it sets, "all" group included:
     * ansible-playbook's connection options (-u, --private-key, -b …) give defaults that any
     * inventory variable overrides.
     */
    public Inventory withDefaultVars(Map<String, Object> defaults) {
        if (defaults.isEmpty()) return this;
        Map<String, Group> g = new java.util.LinkedHashMap<>(groups);
        Group all = groups.get("all");
        Map<String, Object> vars = new java.util.LinkedHashMap<>(defaults);
        if (all != null) vars.putAll(all.vars());
        g.put("all", all != null ? new Group("all", vars, all.children(), all.hosts(), all.depth())
                : new Group("all", vars, List.of(), List.copyOf(hosts.keySet()), 0));
        return new Inventory(hosts, g);
    }

    /** Group names of a host without "all", as Ansible's group_names (sorted). */
    public List<String> groupNames(String host) {
        Host h = hosts.get(host);
        if (h == null) return List.of();
        List<String> names = new ArrayList<>();
        for (String g : h.groups()) if (!g.equals("all")) names.add(g);
        names.sort(null);
        return names;
    }
}

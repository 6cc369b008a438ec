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

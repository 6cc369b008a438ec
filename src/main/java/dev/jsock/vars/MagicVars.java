package dev.jsock.vars;

import dev.jsock.model.Group;
import dev.jsock.model.Host;
import dev.jsock.model.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's magic variables that depend only on the inventory: groups, group_names, inventory_hostname. */
public final class MagicVars {
    private MagicVars() {}

    /** groups: every group name → its hosts (children's hosts included), in inventory order. */
    public static Map<String, Object> groups(Inventory inventory) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Group g : inventory.groups().values()) {
            Set<String> hosts = new LinkedHashSet<>();
            collect(inventory, g, hosts, new LinkedHashSet<>());
            out.put(g.name(), List.copyOf(hosts));
        }
        if (!out.containsKey("all")) out.put("all", List.copyOf(inventory.hosts().keySet()));
        return out;
    }

    private static void collect(Inventory inv, Group g, Set<String> hosts, Set<String> seen) {
        if (!seen.add(g.name())) return;
        if (g.name().equals("all")) {
            hosts.addAll(inv.hosts().keySet());
            return;
        }
        hosts.addAll(g.hosts());
        for (String child : g.children()) {
            Group c = inv.groups().get(child);
            if (c != null) collect(inv, c, hosts, seen);
        }
    }

    public static Map<String, Object> forHost(Inventory inventory, Host host, Map<String, Object> groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inventory_hostname", host.name());
        int dot = host.name().indexOf('.');
        m.put("inventory_hostname_short", dot > 0 ? host.name().substring(0, dot) : host.name());
        List<String> names = new ArrayList<>();
        for (String g : host.groups()) if (!g.equals("all")) names.add(g);
        names.sort(null);
        m.put("group_names", names);
        m.put("groups", groups);
        return m;
    }
}

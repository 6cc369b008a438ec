package dev.jsock.inventory;

import dev.jsock.model.Group;
import dev.jsock.model.Host;
import dev.jsock.model.Inventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates hosts and groups from one or more sources, then applies Ansible's rules: every group
 * without a parent is a child of "all", hosts in no group but "all" go to "ungrouped", a group's
 * depth is its longest distance from "all", and a host belongs to its groups' ancestors too.
 */
final class InventoryBuilder {
    private static final class G {
        final Map<String, Object> vars = new LinkedHashMap<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> hosts = new LinkedHashSet<>();
    }

    private final Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
    private final Map<String, G> groups = new LinkedHashMap<>();

    InventoryBuilder() {
        group("all");
        child("all", "ungrouped");
    }

    boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    void group(String name) {
        groups.computeIfAbsent(name, n -> new G());
    }

    /** The source hosts are being read from: a file (its directory too), or a host list (no directory). */
    private String sourceFile;
    private String sourceDir;

    void source(String file, String dir) {
        this.sourceFile = file;
        this.sourceDir = dir;
    }

    void host(String group, String host, Map<String, Object> vars) {
        group(group);
        hosts.computeIfAbsent(host, h -> {
            // as Ansible: the first source a host is found in is its inventory_file, as a host variable
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("inventory_file", sourceFile);
            first.put("inventory_dir", sourceDir);
            return first;
        }).putAll(vars);
        groups.get(group).hosts.add(host);
    }

    void child(String parent, String child) {
        group(parent);
        group(child);
        groups.get(parent).children.add(child);
    }

    void groupVar(String group, String key, Object value) {
        group(group);
        groups.get(group).vars.put(key, value);
    }

    Set<String> groupNames() {
        return groups.keySet();
    }

    Set<String> hostNames() {
        return hosts.keySet();
    }

    /** group_vars/ files override what the inventory file said for the same group (Ansible's order). */
    void overlayGroupVars(String group, Map<String, Object> vars) {
        groups.get(group).vars.putAll(vars);
    }

    void overlayHostVars(String host, Map<String, Object> vars) {
        hosts.get(host).putAll(vars);
    }

    Inventory build() {
        for (Map.Entry<String, G> e : groups.entrySet()) {
            if (e.getKey().equals("all")) continue;
            boolean hasParent = groups.values().stream().anyMatch(g -> g.children.contains(e.getKey()));
            if (!hasParent) groups.get("all").children.add(e.getKey());
        }
        Map<String, Integer> depth = depths();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (Map.Entry<String, G> e : groups.entrySet()) {
            for (String c : e.getValue().children) parents.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(e.getKey());
        }
        G ungrouped = groups.get("ungrouped");
        Map<String, Host> outHosts = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> h : hosts.entrySet()) {
            Set<String> direct = new LinkedHashSet<>();
            groups.forEach((name, g) -> {
                if (g.hosts.contains(h.getKey())) direct.add(name);
            });
            direct.remove("all");
            if (direct.size() > 1) direct.remove("ungrouped");
            if (direct.isEmpty()) direct.add("ungrouped");
            if (direct.contains("ungrouped")) ungrouped.hosts.add(h.getKey());
            else ungrouped.hosts.remove(h.getKey());
            Set<String> all = new LinkedHashSet<>();
            all.add("all");
            for (String g : direct) ancestors(g, parents, all);
            List<String> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt((String g) -> depth.getOrDefault(g, 1)).thenComparing(g -> g));
            outHosts.put(h.getKey(), new Host(h.getKey(), h.getValue(), sorted));
        }
        Map<String, Host> ordered = new LinkedHashMap<>();
        for (String h : allOrder()) ordered.put(h, outHosts.get(h));
        outHosts.forEach(ordered::putIfAbsent);
        outHosts = ordered;
        Map<String, Group> outGroups = new LinkedHashMap<>();
        groups.forEach((name, g) -> outGroups.put(name, new Group(name, g.vars, List.copyOf(g.children),
                List.copyOf(g.hosts), depth.getOrDefault(name, 1))));
        return new Inventory(outHosts, outGroups);
    }

    /**
     * Ansible's order of the hosts of "all" (and so of groups['all'] and of plays on "all"): all's own
     * hosts, then its children's, breadth first, each host once.
     */
    private List<String> allOrder() {
        Set<String> out = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(List.of("all"));
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String g = queue.remove(0);
            if (!seen.add(g)) continue;
            out.addAll(groups.get(g).hosts);
            queue.addAll(groups.get(g).children);
        }
        return List.copyOf(out);
    }

    private static void ancestors(String g, Map<String, Set<String>> parents, Set<String> out) {
        if (!out.add(g) && !g.equals("all")) return;
        for (String p : parents.getOrDefault(g, Set.of())) ancestors(p, parents, out);
    }

    /** Longest path from "all", so a group nested deeper anywhere merges its vars later, as Ansible's depth does. */
    private Map<String, Integer> depths() {
        Map<String, Integer> depth = new LinkedHashMap<>();
        depth.put("all", 0);
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ <= groups.size()) {
            changed = false;
            for (Map.Entry<String, G> e : groups.entrySet()) {
                Integer d = depth.get(e.getKey());
                if (d == null) continue;
                for (String c : e.getValue().children) {
                    if (depth.getOrDefault(c, -1) < d + 1) {
                        depth.put(c, d + 1);
                        changed = true;
                    }
                }
            }
        }
        return depth;
    }
}

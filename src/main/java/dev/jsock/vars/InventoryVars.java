package dev.jsock.vars;

import dev.jsock.model.Group;
import dev.jsock.model.Host;
import dev.jsock.model.Inventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host's inventory variables in Ansible's order: the vars of every group it belongs to, "all"
 * first, then shallower before deeper groups, ties broken by name; then the host's own vars.
 */
public final class InventoryVars {
    private InventoryVars() {}

    public static Map<String, Object> of(Inventory inventory, Host host) {
        List<Group> groups = new ArrayList<>();
        for (String name : host.groups()) {
            Group g = inventory.groups().get(name);
            if (g != null) groups.add(g);
        }
        groups.sort(Comparator.comparingInt(Group::depth).thenComparing(Group::name));
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Group g : groups) vars.putAll(g.vars());
        vars.putAll(host.vars());
        return vars;
    }
}

package dev.jsock.vars;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variable layers that apply to one task on one host, each a raw (untemplated) map, named by
 * their place in Ansible's precedence list. {@link #merged()} flattens them low to high; a later
 * layer replaces a whole top-level key (Ansible's default hash_behaviour=replace).
 *
 * @param roleDefaults   defaults/main.yml of the play's roles, the task's own role last
 * @param inventory      group vars (all, then by depth and name) and host vars of this host
 * @param facts          gathered facts (ansible_*)
 * @param play           play vars, then vars_files in order
 * @param roleVars       vars/main.yml of the task's role
 * @param scoped         block, include and task vars, outermost first
 * @param hostFacts      set_fact and registered results of this host
 * @param roleParams     parameters given to the role in roles: or include_role
 * @param extra          -e variables
 * @param magic          inventory_hostname, groups, hostvars … (cannot be overridden in Ansible)
 */
public record VarSources(
        Map<String, Object> roleDefaults,
        Map<String, Object> inventory,
        Map<String, Object> facts,
        Map<String, Object> play,
        Map<String, Object> roleVars,
        List<Map<String, Object>> scoped,
        Map<String, Object> hostFacts,
        Map<String, Object> roleParams,
        Map<String, Object> extra,
        Map<String, Object> magic) {

    public Map<String, Object> merged() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.putAll(roleDefaults);
        m.putAll(inventory);
        m.putAll(facts);
        m.putAll(play);
        m.putAll(roleVars);
        for (Map<String, Object> s : scoped) m.putAll(s);
        m.putAll(hostFacts);
        m.putAll(roleParams);
        m.putAll(extra);
        m.putAll(magic);
        return m;
    }
}

package dev.jsock.exec;

import dev.jsock.model.Role;
import dev.jsock.model.Task;
import dev.jsock.vars.MagicVars;
import dev.jsock.vars.VarSources;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the raw variable map a task sees on a host, in Ansible's precedence order. */
final class VarsResolver {
    static final String OMIT = "__omit_place_holder__jsock";

    private final PlayContext pc;

    VarsResolver(PlayContext pc) {
        this.pc = pc;
    }

    Map<String, Object> forTask(HostState hs, Task task, Scope scope) {
        // a task brought in by import_role carries its role; the scope knows roles: and include_role
        Role role = task != null && task.role() != null ? task.role() : scope.role();
        Map<String, Object> defaults = pc.roleDefaults();
        Map<String, Object> roleVars = pc.roleVars();
        if (role != null) {
            defaults = new LinkedHashMap<>(defaults);
            defaults.putAll(role.defaults());
            roleVars = new LinkedHashMap<>(roleVars);
            roleVars.putAll(role.vars());
        }
        List<Map<String, Object>> scoped = new ArrayList<>(scope.vars());
        if (task != null && !task.vars().isEmpty()) scoped.add(task.vars());
        return new VarSources(
                defaults,
                hs.inventoryVars,
                hs.gathered,
                pc.playVars(),
                roleVars,
                scoped,
                Map.copyOf(hs.facts),
                scope.roleParams(),
                pc.request().extraVars(),
                magic(hs, role)).merged();
    }

    /** Variables of a host outside any task (connection settings, hostvars). */
    Map<String, Object> forHost(HostState hs) {
        return forTask(hs, null, Scope.play(pc.playbookDir(), List.of(), false));
    }

    /** The ansible-core release whose behaviour jsock matches (playbooks test ansible_version.full). */
    private static final Map<String, Object> ANSIBLE_VERSION = Map.of("string", "2.14.18", "full", "2.14.18",
            "major", 2, "minor", 14, "revision", 18);

    private List<String> roleNames;

    /** The names of the play's roles, roles: and import_role alike (computed once). */
    private List<String> roleNames() {
        if (roleNames == null) {
            List<String> names = new ArrayList<>();
            for (Role r : PlaybookRunner.playRoles(pc.play())) if (!names.contains(r.name())) names.add(r.name());
            roleNames = List.copyOf(names);
        }
        return roleNames;
    }

    private Map<String, Object> magic(HostState hs, Role role) {
        Map<String, Object> m = new LinkedHashMap<>(MagicVars.forHost(pc.inventory(), hs.host, pc.groups()));
        m.put("hostvars", new HostVarsView());
        m.put("playbook_dir", pc.playbookDir().toString());
        m.put("ansible_play_hosts", activeHosts());
        m.put("ansible_play_hosts_all", pc.hosts());
        m.put("ansible_play_batch", activeHosts());
        m.put("play_hosts", activeHosts());
        m.put("ansible_play_name", pc.play().displayName());
        m.put("ansible_check_mode", pc.request().check());
        m.put("ansible_diff_mode", pc.request().diff());
        m.put("ansible_verbosity", pc.request().verbosity());
        m.put("ansible_forks", pc.request().forks());
        m.put("ansible_run_tags", pc.request().tags().isEmpty() ? List.of("all") : pc.request().tags());
        m.put("ansible_skip_tags", pc.request().skipTags());
        m.put("ansible_version", ANSIBLE_VERSION);
        if (pc.request().limit() != null) m.put("ansible_limit", pc.request().limit());
        m.put("ansible_role_names", roleNames());
        m.put("omit", OMIT);
        if (role != null) {
            m.put("role_name", role.name());
            m.put("role_path", role.dir().toString());
        }
        return m;
    }

    private List<String> activeHosts() {
        List<String> out = new ArrayList<>();
        for (String h : pc.hosts()) if (pc.hostStates().get(h).active()) out.add(h);
        return out;
    }

    /**
     * hostvars: every inventory host's variables, computed when a template asks for them. As in
     * Ansible they are the host's inventory vars, facts and set_fact/registered values and its own
     * names, not the play's vars (and not hostvars again, which would be endless).
     */
    private final class HostVarsView extends AbstractMap<String, Object> {
        @Override
        public Object get(Object key) {
            String name = String.valueOf(key);
            HostState other = pc.hostStates().get(name);
            var host = other != null ? other.host : pc.inventory().host(name);
            if (host == null) return null;
            Map<String, Object> m = new LinkedHashMap<>(other != null ? other.inventoryVars
                    : dev.jsock.vars.InventoryVars.of(pc.inventory(), host));
            if (other != null) {
                m.putAll(other.gathered);
                m.putAll(other.facts);
            }
            m.putAll(pc.request().extraVars()); // -e is above everything for every host, in hostvars too
            Map<String, Object> names = MagicVars.forHost(pc.inventory(), host, pc.groups());
            names.remove("groups");
            m.putAll(names);
            return m;
        }

        @Override
        public boolean containsKey(Object key) {
            return pc.inventory().hosts().containsKey(String.valueOf(key)) || pc.hostStates().containsKey(String.valueOf(key));
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> out = new LinkedHashSet<>();
            for (String h : pc.inventory().hosts().keySet()) out.add(new SimpleEntry<>(h, get(h)));
            return out;
        }
    }
}

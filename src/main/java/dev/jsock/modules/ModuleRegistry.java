package dev.jsock.modules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a host module by the name a task uses: short ({@code copy}), an alias ({@code service},
 * {@code package}) or fully qualified ({@code ansible.builtin.copy}, {@code ansible.legacy.copy}).
 * Modules are stateless, so one registry can serve every host and thread.
 */
public final class ModuleRegistry {
    private static final List<String> PREFIXES = List.of("ansible.builtin.", "ansible.legacy.");
    private final Map<String, Module> byName = new LinkedHashMap<>();

    public ModuleRegistry() {
        this(modules());
    }

    private static List<Module> modules() {
        List<Module> all = new java.util.ArrayList<>(List.of(new TemplateModule(), new CopyModule(), new FileModule(), new SystemdModule(),
                new CommandModule(false), new CommandModule(true), new StatModule(), new AptModule(), new UserModule(), new GroupModule(),
                new WaitForModule(), new UriModule(), new LineInFileModule(), new BlockInFileModule(), new ReplaceModule()));
        all.addAll(HostProbeModules.all());
        return all;
    }

    public ModuleRegistry(List<Module> modules) {
        for (Module m : modules) {
            byName.put(m.name(), m);
            for (String alias : m.aliases()) byName.put(alias, m);
        }
    }

    public Optional<Module> find(String name) {
        String shortName = name;
        for (String p : PREFIXES) if (name.startsWith(p)) shortName = name.substring(p.length());
        return Optional.ofNullable(byName.get(shortName));
    }

    /** Every name this registry answers to (short names and aliases), e.g. for "did you mean" hints. */
    public Set<String> names() {
        return Set.copyOf(byName.keySet());
    }
}

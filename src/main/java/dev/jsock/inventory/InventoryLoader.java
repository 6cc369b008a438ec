package dev.jsock.inventory;

import dev.jsock.load.YamlFiles;
import dev.jsock.model.Group;
import dev.jsock.model.Host;
import dev.jsock.model.Inventory;
import dev.jsock.model.Source;
import dev.jsock.model.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the inventory from -i sources: INI or YAML files, directories of them (sorted, hidden
 * files, group_vars/, host_vars/ and Ansible's ignored extensions such as .ini, .cfg, .md skipped),
 * or a comma-separated host list ("web1,web2,"). Then group_vars/ and host_vars/ next to each source
 * override the inventory's own vars for the same group or host, as in Ansible.
 */
public final class InventoryLoader {
    /** Extensions Ansible skips when an inventory is a directory (its default INVENTORY_IGNORE_EXTS). */
    private static final List<String> IGNORED_EXTENSIONS = List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md",
            ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry");
    private static final Set<String> IGNORED_NAMES = Set.of("host_vars", "group_vars", "vars_plugins");

    private final YamlFiles yaml;

    public InventoryLoader(Consumer<String> warnings) {
        this.yaml = new YamlFiles(warnings);
    }

    public InventoryLoader() {
        this(w -> {});
    }

    public Inventory load(List<Path> sources) {
        InventoryBuilder b = new InventoryBuilder();
        List<Path> varsDirs = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                readDirectory(source, b);
                varsDirs.add(source);
            } else if (Files.isRegularFile(source)) {
                readFile(source, b);
                varsDirs.add(source.toAbsolutePath().getParent());
            } else if (source.toString().contains(",")) {
                b.source(source.toString(), "None"); // Ansible gives a host list the text "None" as its directory
                for (String h : source.toString().split(",")) if (!h.isBlank()) b.host("ungrouped", h.strip(), Map.of());
            } else {
                throw UserError.options("the inventory source '" + source + "' does not exist");
            }
        }
        VarsDirs dirs = new VarsDirs(yaml);
        for (Path dir : varsDirs) overlay(b, dirs, dir);
        return b.build();
    }

    /** Adds group_vars/ and host_vars/ found in {@code dir} (e.g. next to the playbook), overriding the inventory's. */
    public Inventory withVarsDirs(Inventory inventory, Path dir) {
        VarsDirs dirs = new VarsDirs(yaml);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Group g : inventory.groups().values()) {
            Map<String, Object> vars = new LinkedHashMap<>(g.vars());
            vars.putAll(dirs.vars(dir.resolve("group_vars"), g.name()));
            groups.put(g.name(), new Group(g.name(), vars, g.children(), g.hosts(), g.depth()));
        }
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (Host h : inventory.hosts().values()) {
            Map<String, Object> vars = new LinkedHashMap<>(h.vars());
            vars.putAll(dirs.vars(dir.resolve("host_vars"), h.name()));
            hosts.put(h.name(), new Host(h.name(), vars, h.groups()));
        }
        return new Inventory(hosts, groups);
    }

    /**
     * Ansible's implicit localhost: a host named localhost / 127.0.0.1 / ::1 that is targeted but not
     * in the inventory runs with the local connection. It takes "all"'s vars (it is listed in group
     * "all" for that) but is not one of all's hosts, so the pattern "all" does not select it.
     */
    public static Inventory withImplicitLocalhost(Inventory inventory, String name) {
        if (inventory.hosts().containsKey(name)) return inventory;
        Map<String, Host> hosts = new LinkedHashMap<>(inventory.hosts());
        hosts.put(name, new Host(name, Map.of("ansible_connection", "local"), List.of("all")));
        return new Inventory(hosts, inventory.groups());
    }

    /** True for the names Ansible treats as the implicit localhost. */
    public static boolean isLocalhostName(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    private void overlay(InventoryBuilder b, VarsDirs dirs, Path dir) {
        for (String g : List.copyOf(b.groupNames())) b.overlayGroupVars(g, dirs.vars(dir.resolve("group_vars"), g));
        for (String h : List.copyOf(b.hostNames())) b.overlayHostVars(h, dirs.vars(dir.resolve("host_vars"), h));
    }

    private void readDirectory(Path dir, InventoryBuilder b) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw UserError.parse(Source.of(dir.toString()), "could not list inventory directory: " + e.getMessage());
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || IGNORED_NAMES.contains(n) || IGNORED_EXTENSIONS.stream().anyMatch(n::endsWith)) continue;
            if (Files.isDirectory(p)) readDirectory(p, b);
            else readFile(p, b);
        }
    }

    private void readFile(Path file, InventoryBuilder b) {
        Path absolute = file.toAbsolutePath().normalize();
        b.source(absolute.toString(), absolute.getParent().toString());
        String n = file.getFileName().toString();
        boolean yamlName = n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
        if (yamlName) {
            Object data = yaml.load(file);
            if (data == null) return;
            if (!(data instanceof Map)) {
                throw UserError.parse(Source.of(file.toString()), "YAML inventory has invalid structure, it should be a dictionary");
            }
            new YamlInventory(file.toString(), b).parse(asMap(data));
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.parse(Source.of(file.toString()), "could not read inventory: " + e.getMessage());
        }
        Object asYaml = tryYaml(file);
        if (asYaml instanceof Map) new YamlInventory(file.toString(), b).parse(asMap(asYaml));
        else new IniInventory(file.toString(), b).parse(text);
    }

    /** A file without a YAML extension is YAML only if it reads as a YAML mapping; otherwise it is INI. */
    private Object tryYaml(Path file) {
        try {
            return new YamlFiles().load(file);
        } catch (UserError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}

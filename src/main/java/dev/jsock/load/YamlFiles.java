package dev.jsock.load;

import dev.jsock.model.UserError;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads variable files (vars_files, group_vars/, host_vars/, role defaults and vars, -e @file) the
 * way Ansible's YAML loader types them. JSON files are read by the same loader, as in Ansible.
 */
public final class YamlFiles {
    private final Consumer<String> warnings;

    /** @param warnings receives Ansible-style warnings (duplicate keys); never null */
    public YamlFiles(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    public YamlFiles() {
        this(w -> {});
    }

    /** The file's top-level mapping in file order; an empty file gives an empty map. */
    public Map<String, Object> loadVars(Path file) {
        YamlDoc doc = YamlDoc.read(file, warnings);
        return toVars(doc, doc.root());
    }

    /** Any YAML value (list, mapping, scalar) of a file; null for an empty file. */
    public Object load(Path file) {
        YamlDoc doc = YamlDoc.read(file, warnings);
        return doc.toJava(doc.root());
    }

    static Map<String, Object> toVars(YamlDoc doc, Node root) {
        if (YamlDoc.isNull(root)) return new LinkedHashMap<>();
        if (!(root instanceof MappingNode)) {
            throw UserError.parse(doc.at(root), "vars file " + doc.file() + " must contain a dictionary of variables, got "
                    + kind(root));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) doc.toJava(root);
        return m;
    }

    static String kind(Node n) {
        return switch (n.getNodeId()) {
            case mapping -> "a dictionary";
            case sequence -> "a list";
            default -> "a single value";
        };
    }

    static String kindOf(Object v) {
        if (v instanceof Map) return "a dictionary";
        if (v instanceof List) return "a list";
        if (v == null) return "nothing";
        if (v instanceof String) return "a string";
        if (v instanceof Boolean) return "a boolean";
        return "a number";
    }
}

package dev.jsock.load;

import dev.jsock.model.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds a task's one module among the keys that are not keywords, and normalises its arguments:
 * "k=v" text, a mapping, the "action:"/"local_action:" forms and the "args:" keyword.
 */
final class ActionParser {
    /** The module (short name) and its arguments; delegateToLocalhost for local_action; the module's name as written. */
    record Action(String module, Map<String, Object> args, boolean delegateToLocalhost, String written) {}

    private final YamlDoc doc;

    ActionParser(YamlDoc doc) {
        this.doc = doc;
    }

    /**
     * @param task       the task mapping, for positions
     * @param candidates keys that are neither task keywords nor refused Ansible keywords, in order
     * @param actionKey  the "action" or "local_action" entry, or null
     * @param argsNode   the value of "args:", or null
     */
    Action parse(MappingNode task, List<YamlDoc.Entry> candidates, YamlDoc.Entry actionKey, Node argsNode) {
        List<String> modules = new ArrayList<>();
        List<YamlDoc.Entry> unknown = new ArrayList<>();
        for (YamlDoc.Entry e : candidates) {
            if (Keywords.isModule(e.key())) modules.add(e.key());
            else unknown.add(e);
        }
        for (YamlDoc.Entry e : unknown) {
            String hint = Hints.closest(e.key(), Keywords.allTaskWords());
            if (hint != null) {
                throw doc.error(e.keyNode(), "'" + e.key() + "' is not a valid task keyword (did you mean '" + hint + "'?)");
            }
        }
        if (candidates.size() + (actionKey == null ? 0 : 1) > 1) {
            List<String> names = new ArrayList<>();
            if (actionKey != null) names.add(actionKey.key());
            for (YamlDoc.Entry e : candidates) names.add(e.key());
            String why = unknown.isEmpty() ? "" : " ('" + unknown.get(0).key()
                    + "' is neither a task keyword nor a module jsock knows)";
            throw doc.error(task, "conflicting action statements: " + String.join(", ", names) + why);
        }
        if (actionKey != null) return fromActionKeyword(actionKey, argsNode);
        if (candidates.isEmpty()) throw doc.error(task, "no module/action detected in task.");
        YamlDoc.Entry e = candidates.get(0);
        if (!unknown.isEmpty()) throw unresolved(e.keyNode(), e.key());
        String module = Keywords.shortName(e.key());
        Map<String, Object> args = withArgsKeyword(moduleArgs(module, e.valueNode()), argsNode);
        checkRawParams(module, args, e.keyNode());
        return new Action(module, args, false, e.key());
    }

    private UserError unresolved(Node at, String name) {
        return doc.error(at, "couldn't resolve module/action '" + name + "'. This often indicates a misspelling,"
                + " missing collection, or incorrect module path" + Hints.didYouMean(Keywords.shortName(name), Keywords.MODULES)
                + ". jsock supports: " + String.join(", ", new java.util.TreeSet<>(Keywords.MODULES)));
    }

    private Map<String, Object> moduleArgs(String module, Node value) {
        if (YamlDoc.isNull(value)) return new LinkedHashMap<>();
        Object v = doc.toJava(value);
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) m);
            return args;
        }
        if (v instanceof String s) return kv(s, Keywords.FREE_FORM.contains(module), value);
        if (v instanceof List) throw doc.error(value, "unexpected parameter type in action: a list (module '" + module
                + "' takes a dictionary or k=v text)");
        // Numbers and booleans are free-form text in Ansible's eyes only for raw-param modules.
        return kv(PyStr.of(v), Keywords.FREE_FORM.contains(module), value);
    }

    private Map<String, Object> kv(String text, boolean freeForm, Node at) {
        try {
            return KeyValueArgs.parse(text, freeForm);
        } catch (KeyValueArgs.BadArgs e) {
            throw doc.error(at, e.getMessage());
        }
    }

    /** "args:" fills in what the module's own arguments leave out: a module argument wins over the same key in args. */
    private Map<String, Object> withArgsKeyword(Map<String, Object> moduleArgs, Node argsNode) {
        if (argsNode == null || YamlDoc.isNull(argsNode)) return moduleArgs;
        Object a = doc.toJava(argsNode);
        Map<String, Object> merged = new LinkedHashMap<>();
        if (a instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> x : m.entrySet()) merged.put((String) x.getKey(), x.getValue());
        } else if (a instanceof String s && !s.contains("{{")) {
            merged.putAll(kv(s, false, argsNode));
        } else {
            throw doc.error(argsNode, "'args' must be a dictionary (or k=v text), got " + YamlFiles.kindOf(a));
        }
        merged.putAll(moduleArgs);
        return merged;
    }

    private void checkRawParams(String module, Map<String, Object> args, Node at) {
        Object raw = args.get("_raw_params");
        if (raw == null || "".equals(raw) || Keywords.RAW_PARAMS.contains(module)) return;
        String text = raw.toString();
        if (text.contains("{{")) {
            throw doc.error(at, "module arguments taken from a variable ('" + text + "') are not supported by jsock;"
                    + " write the arguments as a dictionary");
        }
        throw doc.error(at, "this task '" + module + "' has extra params ('" + text + "'), which is only allowed in"
                + " the following modules: " + String.join(", ", new java.util.TreeSet<>(Keywords.RAW_PARAMS)));
    }

    /** action: "copy src=a dest=b" or action: {module: copy, src: a}. */
    private Action fromActionKeyword(YamlDoc.Entry entry, Node argsNode) {
        boolean local = entry.key().equals("local_action");
        Node value = entry.valueNode();
        String module;
        String written;
        Map<String, Object> args;
        if (value instanceof ScalarNode s && !YamlDoc.isNull(s)) {
            String text = s.getValue().strip();
            int space = indexOfWhitespace(text);
            written = space < 0 ? text : text.substring(0, space);
            module = Keywords.shortName(written);
            args = space < 0 ? new LinkedHashMap<>() : kv(text.substring(space + 1).strip(), Keywords.FREE_FORM.contains(module), value);
        } else if (value instanceof MappingNode m) {
            Map<String, YamlDoc.Entry> es = doc.entries(m);
            YamlDoc.Entry mod = es.get("module");
            if (mod == null) throw doc.error(value, "'" + entry.key() + "' needs a 'module' key");
            written = PyStr.of(doc.toJava(mod.valueNode()));
            module = Keywords.shortName(written);
            args = new LinkedHashMap<>();
            for (YamlDoc.Entry x : es.values()) if (!x.key().equals("module")) args.put(x.key(), doc.toJava(x.valueNode()));
        } else {
            throw doc.error(value, "unexpected parameter type in action: '" + entry.key() + "' needs a module name");
        }
        if (!Keywords.MODULES.contains(module)) throw unresolved(value, module);
        args = withArgsKeyword(args, argsNode);
        checkRawParams(module, args, entry.keyNode());
        return new Action(module, args, local, written);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }
}

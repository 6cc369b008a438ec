package dev.jsock.template;

import com.hubspot.jinjava.interpret.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds filters and tests a template names that do not exist. Jinjava silently skips an unknown
 * filter; Ansible refuses the whole template, so this check runs before rendering.
 */
final class NameCheck {
    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][\\w.]*)");
    private static final Pattern TEST = Pattern.compile("\\bis\\s+(?:not\\s+)?([A-Za-z_][\\w.]*)");

    /**
     * Filters and tests that ansible-core itself defines, so also answer to ansible.builtin.NAME
     * (Jinja's own, such as join or upper, have no such name: Ansible cannot load ansible.builtin.join).
     */
    static final java.util.Set<String> ANSIBLE_PLUGINS = java.util.Set.of(
            "b64decode", "b64encode", "basename", "bool", "checksum", "combine", "comment", "dict2items", "dirname",
            "expanduser", "expandvars", "extract", "fileglob", "flatten", "from_json", "from_yaml", "from_yaml_all", "hash",
            "human_readable", "human_to_bytes", "intersect", "difference", "symmetric_difference", "union", "items2dict",
            "log", "mandatory", "md5", "password_hash", "path_join", "permutations", "combinations", "product", "pow",
            "quote", "random", "realpath", "regex_escape", "regex_findall", "regex_replace", "regex_search", "relpath",
            "root", "sha1", "shuffle", "split", "splitext", "strftime", "subelements", "ternary", "to_datetime", "to_json",
            "to_nice_json", "to_nice_yaml", "to_uuid", "to_yaml", "type_debug", "unique", "urldecode", "urlsplit", "zip",
            "zip_longest", "min", "max",
            "match", "search", "regex", "version", "version_compare", "subset", "superset", "contains", "any", "all",
            "changed", "failed", "failure", "success", "succeeded", "skipped", "finished", "started", "is_abs", "exists",
            "file", "directory", "link", "mount", "same_file", "nan", "truthy", "falsy", "reachable", "unreachable",
            "timedout", "abs", "vault_encrypted");

    /** The name a filter or test is known by: ansible.builtin.X of an Ansible plugin X is X. */
    static String shortName(String name) {
        String s = name.replaceFirst("^ansible\\.(builtin|legacy)\\.", "");
        return !s.equals(name) && ANSIBLE_PLUGINS.contains(s) ? s : name;
    }

    private NameCheck() {
    }

    /** The message and 1-based line of the first unknown name, if any. */
    record Problem(String message, int line) {
    }

    static Optional<Problem> firstUnknown(String text, Context context) {
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            String code = block.group(1) != null ? block.group(1) : block.group(2);
            String bare = STRING.matcher(code).replaceAll("''");
            int line = 1 + (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count();
            Matcher filter = FILTER.matcher(bare);
            while (filter.find()) {
                String name = filter.group(1);
                // ansible.builtin.X is the builtin X (JinjaSource drops the prefix)
                if (context.getFilter(shortName(name)) == null) {
                    return Optional.of(new Problem("template error while templating string: Could not load \""
                            + name + "\": '" + name + "'", line));
                }
            }
            Matcher test = TEST.matcher(bare);
            while (test.find()) {
                String name = test.group(1);
                if (context.getExpTest(shortName(name)) == null) {
                    return Optional.of(new Problem("template error while templating string: Could not load \""
                            + name + "\": '" + name + "'", line));
                }
            }
        }
        return Optional.empty();
    }
}

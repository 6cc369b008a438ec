package dev.jsock.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ansible's lookup plugins that read the controller side: lookup('file' | 'env' | 'pipe' |
 * 'lines' | 'template' | 'vars' | 'first_found' | 'fileglob', …) and the list-making ones the
 * with_* loops stand for ('items', 'list', 'dict', 'indexed_items', 'flattened', 'nested',
 * 'together', 'subelements', 'sequence'). Relative files are looked for as Ansible looks for them:
 * the role's files/ (templates/ for 'template'), the role, then the playbook's directory and its
 * files/. {@link #query} always gives a list; lookup() joins several results with commas unless
 * wantlist=True.
 */
public final class Lookups {
    private Lookups() {}

    /** What a lookup may read besides its terms: the task's variables and the templar. */
    public interface Context {
        /** A variable's value (templated), or null when it is not defined. */
        Object variable(String name);

        boolean has(String name);

        /** Renders a controller-side template file with the task's variables and {@code extra} above them (template_vars). */
        String render(Path file, Map<String, Object> extra);
    }

    /** lookup(): texts joined with commas; else one result as it is, or the list (wantlist=True: always the list). */
    public static Object lookup(Context ctx, String plugin, List<Object> terms, Map<String, Object> kwargs) {
        List<Object> out;
        try {
            out = run(ctx, plugin, terms, kwargs);
        } catch (LookupFailure e) {
            String errors = kwargs.get("errors") == null ? "strict" : String.valueOf(kwargs.get("errors"));
            if (errors.equals("warn")) TemplateWarnings.emit(e.getMessage());
            if (errors.equals("ignore") || errors.equals("warn")) return null; // Ansible's lookup gives None then
            throw failure(plugin, e);
        }
        if (truthy(kwargs.get("wantlist"))) return out;
        if (out.stream().allMatch(o -> o instanceof String)) {
            List<String> texts = new ArrayList<>();
            for (Object o : out) texts.add((String) o);
            return String.join(",", texts);
        }
        return out.size() == 1 ? out.get(0) : out;
    }

    public static List<Object> query(Context ctx, String plugin, List<Object> terms, Map<String, Object> kwargs) {
        String errors = kwargs.get("errors") == null ? "strict" : String.valueOf(kwargs.get("errors"));
        try {
            return run(ctx, plugin, terms, kwargs);
        } catch (LookupFailure e) {
            if (errors.equals("warn")) TemplateWarnings.emit(e.getMessage());
            if (errors.equals("ignore") || errors.equals("warn")) return new ArrayList<>();
            throw failure(plugin, e);
        }
    }

    private static RuntimeException failure(String plugin, LookupFailure e) {
        return Failures.raise("An unhandled exception occurred while running the lookup plugin '" + plugin
                + "'. Error was a <class 'ansible.errors.AnsibleError'>, original message: " + e.getMessage());
    }

    /** A lookup that cannot give what it was asked (errors=ignore turns it into an empty result). */
    private static final class LookupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LookupFailure(String message) {
            super(message);
        }
    }

    private static List<Object> run(Context ctx, String plugin, List<Object> terms, Map<String, Object> kwargs) {
        String name = plugin.startsWith("ansible.builtin.") ? plugin.substring("ansible.builtin.".length()) : plugin;
        List<Object> out = new ArrayList<>();
        switch (name) {
            case "file" -> {
                boolean rstrip = kwargs.get("rstrip") == null || truthy(kwargs.get("rstrip"));
                boolean lstrip = truthy(kwargs.get("lstrip"));
                for (Object t : flat(terms)) {
                    Path p = find(ctx, "files", str(t)).orElseThrow(() -> new LookupFailure("could not locate file in lookup: " + str(t)));
                    String text = read(p);
                    if (rstrip) text = text.stripTrailing();
                    if (lstrip) text = text.stripLeading();
                    out.add(text);
                }
            }
            case "env" -> {
                Object dflt = kwargs.getOrDefault("default", "");
                for (Object t : flat(terms)) {
                    String[] words = str(t).strip().split("\\s+"); // Ansible reads the first word of a term
                    String v = System.getenv(words[0]);
                    out.add(v != null ? v : dflt);
                }
            }
            case "pipe" -> {
                for (Object t : flat(terms)) out.add(shell(ctx, str(t), "pipe").stripTrailing());
            }
            case "lines" -> {
                for (Object t : flat(terms)) {
                    // Python's splitlines(): empty lines kept, no item after a final newline
                    String text = shell(ctx, str(t), "lines");
                    if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
                    if (!text.isEmpty()) out.addAll(List.of(text.split("\n", -1)));
                }
            }
            case "template" -> {
                for (Object t : flat(terms)) {
                    Path p = find(ctx, "templates", str(t)).orElseThrow(() -> new LookupFailure("the template file " + str(t) + " could not be found for the lookup"));
                    Object extra = kwargs.get("template_vars");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> more = extra instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                    out.add(ctx.render(p, more));
                }
            }
            case "vars" -> {
                for (Object t : flat(terms)) {
                    String var = str(t);
                    if (ctx.has(var)) out.add(ctx.variable(var));
                    else if (kwargs.containsKey("default")) out.add(kwargs.get("default"));
                    else throw new LookupFailure("No variable found with this name: " + var);
                }
            }
            case "first_found" -> out.addAll(firstFound(ctx, terms, kwargs));
            case "fileglob" -> {
                for (Object t : flat(terms)) out.addAll(fileglob(ctx, str(t)));
            }
            case "items", "flattened" -> out.addAll(name.equals("items") ? flat(terms) : deepFlat(terms));
            case "list" -> out.addAll(terms);
            case "dict" -> {
                for (Object t : terms) {
                    if (!(t instanceof Map<?, ?> m)) throw new LookupFailure("with_dict expects a dict");
                    m.forEach((k, v) -> {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("key", k);
                        item.put("value", v);
                        out.add(item);
                    });
                }
            }
            case "indexed_items" -> {
                List<Object> items = flat(terms);
                for (int i = 0; i < items.size(); i++) out.add(new PyTuple(List.of(i, items.get(i))));
            }
            case "nested" -> out.addAll(nested(terms));
            case "together" -> out.addAll(together(terms));
            case "subelements" -> out.addAll(subelements(terms, kwargs));
            case "sequence" -> {
                for (Object t : flat(terms)) out.addAll(Sequence.of(str(t), kwargs));
            }
            default -> throw Failures.raise("lookup plugin (" + plugin + ") not found");
        }
        return out;
    }

    private static boolean truthy(Object o) {
        if (o == null) return false;
        if (o instanceof Boolean b) return b;
        return dev.jsock.modules.ModuleArgs.toBool("wantlist", o);
    }

    private static String str(Object o) {
        return o instanceof String s ? s : PyRepr.str(o);
    }

    /** Terms as Ansible's listify gives them: a list's items, a single value as one. */
    private static List<Object> flat(List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            if (t instanceof List<?> l) out.addAll(l);
            else out.add(t);
        }
        return out;
    }

    private static List<Object> deepFlat(List<?> terms) {
        List<Object> out = new ArrayList<>();
        for (Object t : terms) {
            if (t instanceof List<?> l) out.addAll(deepFlat(l));
            else if (t != null) out.add(t);
        }
        return out;
    }

    private static List<Object> asList(Object o) {
        if (o instanceof List<?> l) return new ArrayList<>(l);
        List<Object> one = new ArrayList<>();
        one.add(o);
        return one;
    }

    /** with_nested: every combination, the first list varying slowest. */
    private static List<Object> nested(List<Object> terms) {
        List<List<Object>> acc = new ArrayList<>();
        acc.add(new ArrayList<>());
        for (Object t : terms) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : acc) {
                for (Object x : asList(t)) {
                    List<Object> combo = new ArrayList<>(prefix);
                    if (x instanceof List<?> inner) combo.addAll(inner); // each combination flattened, as Ansible's are
                    else combo.add(x);
                    next.add(combo);
                }
            }
            acc = next;
        }
        if (terms.isEmpty()) throw new LookupFailure("with_nested requires at least one element in the nested list");
        return new ArrayList<>(acc);
    }

    /** with_together: the lists side by side, the shorter ones padded with None. */
    private static List<Object> together(List<Object> terms) {
        if (terms.isEmpty()) throw new LookupFailure("with_together requires at least one element in each list");
        List<List<Object>> lists = new ArrayList<>();
        int longest = 0;
        for (Object t : terms) {
            List<Object> l = asList(t);
            lists.add(l);
            longest = Math.max(longest, l.size());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> l : lists) {
                Object x = i < l.size() ? l.get(i) : null;
                if (x instanceof List<?> inner) row.addAll(inner);
                else row.add(x);
            }
            out.add(row);
        }
        return out;
    }

    /** with_subelements: [list of dicts, 'key.path'] gives (dict, element) for every element under the key. */
    private static List<Object> subelements(List<Object> terms, Map<String, Object> kwargs) {
        if (terms.size() < 2 || !(terms.get(0) instanceof List || terms.get(0) instanceof Map)) {
            throw new LookupFailure("subelements lookup expects a list of two or three items, first a list of dicts, second a key");
        }
        boolean skipMissing = terms.size() > 2 && terms.get(2) instanceof Map<?, ?> flags && truthy(flags.get("skip_missing"));
        String[] path = str(terms.get(1)).split("\\.");
        List<Object> parents = terms.get(0) instanceof Map<?, ?> m ? new ArrayList<>(m.values()) : asList(terms.get(0));
        List<Object> out = new ArrayList<>();
        for (Object parent : parents) {
            if (parent instanceof Map<?, ?> pm && truthy(pm.get("skipped"))) continue;
            Object node = parent;
            boolean missing = false;
            for (String key : path) {
                if (node instanceof Map<?, ?> nm && nm.containsKey(key)) {
                    node = nm.get(key);
                } else {
                    missing = true;
                    break;
                }
            }
            if (missing) {
                if (skipMissing) continue;
                throw new LookupFailure("could not find '" + String.join(".", path) + "' key in iterated item " + PyRepr.repr(parent));
            }
            if (!(node instanceof List<?> elements)) {
                throw new LookupFailure("the key " + String.join(".", path) + " should point to a list, got " + PyRepr.repr(node));
            }
            // the parent as Ansible hands it: without the key whose elements are iterated
            Object shown = parent;
            if (path.length == 1 && parent instanceof Map<?, ?> pm) {
                Map<Object, Object> copy = new LinkedHashMap<>(pm);
                copy.remove(path[0]);
                shown = copy;
            }
            for (Object e : elements) out.add(new PyTuple(List.of(shown, e)));
        }
        return out;
    }

    private static List<Object> firstFound(Context ctx, List<Object> terms, Map<String, Object> kwargs) {
        List<String> files = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        boolean skip = truthy(kwargs.get("skip"));
        for (Object t : flat(terms)) {
            if (t instanceof Map<?, ?> m) {
                for (Object f : asList(m.get("files"))) if (f != null) files.addAll(List.of(str(f).split("[,;]")));
                for (Object p : asList(m.get("paths"))) if (p != null) paths.addAll(List.of(str(p).split("[,:;]")));
                if (m.get("skip") != null) skip = truthy(m.get("skip"));
            } else {
                files.add(str(t));
            }
        }
        for (Object f : asList(kwargs.get("files"))) if (f != null) files.add(str(f));
        for (Object p : asList(kwargs.get("paths"))) if (p != null) paths.add(str(p));
        for (String f : files) {
            if (paths.isEmpty()) {
                var found = find(ctx, "files", f.strip());
                if (found.isPresent()) return new ArrayList<>(List.of(found.get().toString()));
            } else {
                for (String p : paths) {
                    var found = find(ctx, "files", Path.of(p.strip()).resolve(f.strip()).toString());
                    if (found.isPresent()) return new ArrayList<>(List.of(found.get().toString()));
                }
            }
        }
        if (skip) return new ArrayList<>();
        throw new LookupFailure("No file was found when using first_found.");
    }

    private static List<Object> fileglob(Context ctx, String pattern) {
        Path p = Path.of(pattern);
        List<Path> dirs = new ArrayList<>();
        if (p.isAbsolute()) {
            dirs.add(p.getParent());
        } else {
            for (Path base : searchBases(ctx, "files")) dirs.add(base.resolve(pattern).getParent());
        }
        String glob = p.getFileName().toString();
        var matcher = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
        for (Path dir : dirs) {
            if (dir == null || !Files.isDirectory(dir)) continue;
            List<Object> found = new ArrayList<>();
            try (var s = Files.list(dir)) {
                // in the directory's own order, as Python's glob gives them
                // as Python's glob: names starting with a dot only when the pattern asks for them
                s.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName())
                                && (!f.getFileName().toString().startsWith(".") || glob.startsWith(".")))
                        .forEach(f -> found.add(f.toString()));
            } catch (IOException e) {
                continue;
            }
            if (!found.isEmpty()) return found;
        }
        return new ArrayList<>();
    }

    /** Where relative names are looked for: the role's kind dir and the role, then the playbook's kind dir and the playbook dir. */
    private static List<Path> searchBases(Context ctx, String kind) {
        List<Path> bases = new ArrayList<>();
        for (String var : List.of("role_path", "playbook_dir")) {
            Object dir = ctx.has(var) ? ctx.variable(var) : null;
            if (dir == null) continue;
            Path d = Path.of(str(dir));
            bases.add(d.resolve(kind));
            bases.add(d);
        }
        if (bases.isEmpty()) bases.add(Path.of("").toAbsolutePath());
        return bases;
    }

    static java.util.Optional<Path> find(Context ctx, String kind, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
        for (Path base : searchBases(ctx, kind)) {
            Path c = base.resolve(name).normalize();
            if (Files.isRegularFile(c)) return java.util.Optional.of(c);
        }
        TemplateWarnings.emit("Unable to find '" + name + "' in expected paths (use -vvvvv to see paths)");
        return java.util.Optional.empty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LookupFailure("could not read file " + p + ": " + e.getMessage());
        }
    }

    /** Runs a shell command on the controller in the playbook's directory, as the pipe and lines lookups do. */
    private static String shell(Context ctx, String command, String plugin) {
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            Object dir = ctx.has("playbook_dir") ? ctx.variable("playbook_dir") : null;
            if (dir != null && Files.isDirectory(Path.of(str(dir)))) pb.directory(Path.of(str(dir)).toFile());
            Process proc = pb.start();
            proc.getOutputStream().close();
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(600, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new LookupFailure("lookup_plugin." + plugin + "(" + command + ") timed out");
            }
            if (proc.exitValue() != 0) throw new LookupFailure("lookup_plugin." + plugin + "(" + command + ") returned " + proc.exitValue());
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LookupFailure("lookup_plugin." + plugin + "(" + command + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailure("lookup_plugin." + plugin + "(" + command + ") interrupted");
        }
    }
}

package dev.jsock.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Ansible's filters that read data from text or out of other data: from_json, from_yaml,
 * from_yaml_all, extract, subelements, path_join, splitext, and itertools' product, combinations,
 * permutations and zip_longest.
 */
final class DataFilters {
    private DataFilters() {}

    static List<AnsibleFilter> all() {
        return List.of(
                AnsibleFilter.of("from_json", (v, a) -> parse(v, "from_json")),
                AnsibleFilter.of("from_yaml", (v, a) -> parse(v, "from_yaml")),
                AnsibleFilter.of("from_yaml_all", (v, a) -> parseAll(v)),
                AnsibleFilter.of("extract", DataFilters::extract),
                AnsibleFilter.of("subelements", DataFilters::subelements),
                AnsibleFilter.of("path_join", (v, a) -> pathJoin(v)),
                AnsibleFilter.of("splitext", (v, a) -> splitext(Values.str(v))),
                AnsibleFilter.of("product", DataFilters::product),
                AnsibleFilter.of("combinations", (v, a) -> combinations(Values.iterate(v), (int) Values.toLong(a.get(0, "r", 0)))),
                AnsibleFilter.of("permutations", DataFilters::permutations),
                AnsibleFilter.of("zip_longest", DataFilters::zipLongest));
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    /** JSON is read as YAML (it is YAML 1.2's flow style), which keeps key order and types. */
    private static Object parse(Object v, String name) {
        if (!(v instanceof CharSequence)) return v; // Ansible passes data that is not text through
        try {
            return yaml().load(v.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": cannot parse the text: " + firstLine(e.getMessage()));
        }
    }

    private static Object parseAll(Object v) {
        List<Object> docs = new ArrayList<>();
        for (Object d : yaml().loadAll(Values.str(v))) docs.add(d);
        return docs;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** {@code key | extract(container, morekeys)}: container[key], then each further key. */
    private static Object extract(Object key, Args a) {
        Object value = item(a.get(0, "container", null), key);
        Object more = a.get(1, "morekeys", null);
        if (more != null) {
            for (Object k : more instanceof List<?> l ? l : List.of(more)) value = item(value, k);
        }
        return value;
    }

    private static Object item(Object container, Object key) {
        if (container instanceof Map<?, ?> m) {
            if (!m.containsKey(key)) {
                for (Map.Entry<?, ?> e : m.entrySet()) if (Values.pyEquals(e.getKey(), key)) return e.getValue();
                throw new IllegalArgumentException("'dict object' has no attribute '" + Values.str(key) + "'");
            }
            return m.get(key);
        }
        if (container instanceof List<?> l) {
            int i = (int) Values.toLong(key);
            if (i < 0) i += l.size();
            if (i < 0 || i >= l.size()) throw new IllegalArgumentException("list object has no element " + Values.str(key));
            return l.get(i);
        }
        throw new IllegalArgumentException("cannot extract '" + Values.str(key) + "' from " + Values.str(container));
    }

    /** {@code users | subelements('keys')}: one [item, sub] pair per element of each item's list. */
    private static Object subelements(Object v, Args a) {
        String path = Values.str(a.get(0, "subelements", ""));
        Object skipArg = a.get(1, "skip_missing", false);
        boolean skipMissing = skipArg instanceof Map<?, ?> flags ? PyRepr.truthy(flags.get("skip_missing")) : PyRepr.truthy(skipArg);
        List<Object> out = new ArrayList<>();
        for (Object element : Values.iterate(v)) {
            Object sub = element;
            boolean missing = false;
            for (String k : path.split("\\.")) {
                if (sub instanceof Map<?, ?> m && m.containsKey(k)) {
                    sub = m.get(k);
                } else {
                    missing = true;
                    break;
                }
            }
            if (missing) {
                if (skipMissing) continue;
                throw new IllegalArgumentException("could not find '" + path + "' key in iterated item '" + PyRepr.output(element) + "'");
            }
            if (!(sub instanceof List<?> list)) throw new IllegalArgumentException("the key " + path + " should point to a list, got '" + PyRepr.output(sub) + "'");
            for (Object s : list) out.add(new PyTuple(java.util.Arrays.asList(element, s)));
        }
        return out;
    }

    private static String pathJoin(Object v) {
        List<Object> parts = v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
        StringBuilder out = new StringBuilder();
        for (Object p : parts) {
            String s = Values.str(p);
            if (s.startsWith("/")) out.setLength(0);
            else if (out.length() > 0 && out.charAt(out.length() - 1) != '/') out.append('/');
            out.append(s);
        }
        return out.toString();
    }

    /** Python's os.path.splitext: the extension starts at the last dot of the last name, not a leading one. */
    private static List<Object> splitext(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        int nameStart = slash + 1;
        while (nameStart < path.length() && path.charAt(nameStart) == '.') nameStart++;
        if (dot < nameStart) return new PyTuple(java.util.Arrays.asList(path, ""));
        return new PyTuple(java.util.Arrays.asList(path.substring(0, dot), path.substring(dot)));
    }

    private static Object product(Object v, Args a) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(Values.iterate(v));
        for (Object other : a.positional()) lists.add(Values.iterate(other));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of());
        for (List<Object> l : lists) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> row : rows) {
                for (Object x : l) {
                    List<Object> r = new ArrayList<>(row);
                    r.add(x);
                    next.add(r);
                }
            }
            rows = next;
        }
        List<Object> out = new ArrayList<>();
        for (List<Object> r : rows) out.add(new PyTuple(r));
        return out;
    }

    private static List<Object> combinations(List<Object> items, int r) {
        List<Object> out = new ArrayList<>();
        combine(items, r, 0, new ArrayList<>(), out);
        return out;
    }

    private static void combine(List<Object> items, int r, int from, List<Object> row, List<Object> out) {
        if (row.size() == r) {
            out.add(new PyTuple(new ArrayList<>(row)));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            row.add(items.get(i));
            combine(items, r, i + 1, row, out);
            row.remove(row.size() - 1);
        }
    }

    private static Object permutations(Object v, Args a) {
        List<Object> items = Values.iterate(v);
        Object rArg = a.get(0, "r", null);
        int r = rArg == null ? items.size() : (int) Values.toLong(rArg);
        List<Object> out = new ArrayList<>();
        permute(items, r, new ArrayList<>(), new boolean[items.size()], out);
        return out;
    }

    private static void permute(List<Object> items, int r, List<Object> row, boolean[] used, List<Object> out) {
        if (row.size() == r) {
            out.add(new PyTuple(new ArrayList<>(row)));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (used[i]) continue;
            used[i] = true;
            row.add(items.get(i));
            permute(items, r, row, used, out);
            row.remove(row.size() - 1);
            used[i] = false;
        }
    }

    private static Object zipLongest(Object v, Args a) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(Values.iterate(v));
        for (Object other : a.positional()) lists.add(Values.iterate(other));
        Object fill = a.get(-1, "fillvalue", null);
        int n = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> l : lists) row.add(i < l.size() ? l.get(i) : fill);
            out.add(new PyTuple(row));
        }
        return out;
    }
}

package dev.jsock.exec;

import dev.jsock.model.LoopLookup;
import dev.jsock.template.Lookups;
import dev.jsock.template.Templar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A task's loop templated into its items: loop/with_items/with_dict as written, a with_X loop through its lookup. */
final class LoopItems {
    private LoopItems() {}

    static Object of(Templar templar, Object loop, Map<String, Object> vars) {
        String lookup = LoopLookup.lookup(loop);
        if (lookup == null) return templar.template(loop, vars);
        Object terms = templar.template(LoopLookup.terms(loop), vars);
        // as Ansible's listify: a single term (with_sequence: "start=1 end=3") is a list of one
        List<Object> list = terms instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(java.util.Collections.singletonList(terms));
        // a loop's items are lists where the lookup gives tuples (with_indexed_items shows [0, 'x'])
        List<Object> items = new ArrayList<>();
        for (Object item : Lookups.query(context(templar, vars), lookup, list, Map.of())) {
            items.add(item instanceof List<?> l ? new ArrayList<>(l) : item);
        }
        return items;
    }

    private static Lookups.Context context(Templar templar, Map<String, Object> vars) {
        return new Lookups.Context() {
            @Override
            public Object variable(String name) {
                return vars.containsKey(name) ? templar.template(vars.get(name), vars) : null;
            }

            @Override
            public boolean has(String name) {
                return vars.containsKey(name);
            }

            @Override
            public String render(Path file, Map<String, Object> extra) {
                Map<String, Object> all = vars;
                if (!extra.isEmpty()) {
                    all = new java.util.HashMap<>(vars);
                    all.putAll(extra);
                }
                try {
                    return templar.renderFile(Files.readString(file, StandardCharsets.UTF_8), file.toString(), all);
                } catch (java.io.IOException e) {
                    throw new dev.jsock.template.TemplateException("could not read " + file + ": " + e.getMessage(), null);
                }
            }
        };
    }
}

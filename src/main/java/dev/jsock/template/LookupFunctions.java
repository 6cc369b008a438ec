package dev.jsock.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The template functions lookup(), query() and q(): {@link Lookups} with the variables of the render in progress. */
final class LookupFunctions {
    private LookupFunctions() {}

    public static Object lookup(Object... args) {
        Call c = call(args, "lookup");
        return Lookups.lookup(context(), c.plugin(), c.terms(), c.kwargs());
    }

    public static Object query(Object... args) {
        Call c = call(args, "query");
        return Lookups.query(context(), c.plugin(), c.terms(), c.kwargs());
    }

    private record Call(String plugin, List<Object> terms, Map<String, Object> kwargs) {}

    private static Call call(Object[] args, String fn) {
        List<Object> terms = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Object a : args) {
            if (a instanceof NamedParameter p) kwargs.put(p.getName(), p.getValue());
            else terms.add(a);
        }
        if (terms.isEmpty() || !(terms.get(0) instanceof String plugin)) throw Failures.raise(fn + "() needs the name of a lookup plugin");
        terms.remove(0);
        return new Call(plugin, terms, kwargs);
    }

    private static Lookups.Context context() {
        RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
        if (session == null) throw Failures.raise("lookup() is only available while templating a task");
        return new Lookups.Context() {
            @Override
            public Object variable(String name) {
                Object v = session.variable(name);
                return v instanceof Undefined ? null : v;
            }

            @Override
            public boolean has(String name) {
                return session.has(name);
            }

            @Override
            public String render(Path file, Map<String, Object> extra) {
                Map<String, Object> vars = session.vars();
                if (!extra.isEmpty()) {
                    vars = new java.util.HashMap<>(vars);
                    vars.putAll(extra);
                }
                try {
                    return session.templar().renderFile(Files.readString(file, StandardCharsets.UTF_8), file.toString(), vars);
                } catch (java.io.IOException e) {
                    throw Failures.raise("could not read " + file + ": " + e.getMessage());
                }
            }
        };
    }
}

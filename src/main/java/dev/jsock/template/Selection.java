package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** map, select, reject, selectattr and rejectattr: filters that apply another filter or test to each item. */
final class Selection {
    private Selection() {
    }

    static List<AnsibleFilter> all() {
        return List.of(
                AnsibleFilter.of("map", Selection::map),
                AnsibleFilter.of("select", (v, a) -> select(v, a, false, true)),
                AnsibleFilter.of("reject", (v, a) -> select(v, a, false, false)),
                AnsibleFilter.of("selectattr", (v, a) -> select(v, a, true, true)),
                AnsibleFilter.of("rejectattr", (v, a) -> select(v, a, true, false)));
    }

    /** Jinja's attribute lookup for filters: dotted paths, dict keys, list indexes. */
    static Object attribute(Object item, Object attribute) {
        Object current = item;
        for (String part : Values.str(attribute).split("\\.")) {
            current = step(current, part);
        }
        return current;
    }

    private static Object step(Object base, String part) {
        if (base instanceof Map<?, ?> m) {
            if (m.containsKey(part)) {
                return m.get(part);
            }
            return Undefined.attribute(m, part);
        }
        if (base instanceof List<?> l && part.matches("-?\\d+")) {
            int i = Integer.parseInt(part);
            return i < l.size() ? l.get(i < 0 ? i + l.size() : i) : new Undefined("list object has no element " + part);
        }
        return base instanceof Undefined ? base : Undefined.attribute(base, part);
    }

    private static Object map(Object value, Args a) {
        List<Object> items = Values.iterate(value);
        List<Object> out = new ArrayList<>();
        Object attribute = a.get(-1, "attribute", null);
        if (attribute != null) {
            Object fallback = a.get(-1, "default", null);
            boolean hasDefault = a.has(-1, "default");
            for (Object item : items) {
                Object v = attribute(item, attribute);
                out.add(v instanceof Undefined && hasDefault ? fallback : v);
            }
            return out;
        }
        Object[] args = a.positional();
        if (args.length == 0) {
            return items;
        }
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        String name = Values.str(args[0]);
        Filter filter = interpreter.getContext().getFilter(name);
        if (filter == null) {
            throw Failures.raise("No filter named '" + name + "'");
        }
        Object[] rest = Arrays.copyOfRange(args, 1, args.length);
        for (Object item : items) {
            out.add(filter.filter(item, interpreter, rest, Map.of()));
        }
        return out;
    }

    private static Object select(Object value, Args a, boolean byAttribute, boolean keep) {
        Object[] args = a.positional();
        int at = 0;
        Object attribute = byAttribute ? args[at++] : null;
        String testName = args.length > at ? Values.str(args[at++]) : null;
        Object[] testArgs = Arrays.copyOfRange(args, Math.min(at, args.length), args.length);
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        ExpTest test = testName == null ? null : interpreter.getContext().getExpTest(testName);
        if (testName != null && test == null) {
            throw Failures.raise("No test named '" + testName + "'");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : Values.iterate(value)) {
            Object subject = byAttribute ? attribute(item, attribute) : item;
            boolean passes = test == null ? PyRepr.truthy(subject) : test.evaluate(subject, interpreter, testArgs);
            if (passes == keep) {
                out.add(item);
            }
        }
        return out;
    }
}

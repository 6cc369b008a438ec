package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.objects.collections.PyList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Jinja's and Ansible's tests ({@code x is defined}, {@code r is failed}) with Python's type rules. */
final class AnsibleTests {
    private AnsibleTests() {
    }

    /** One named test; only defined/undefined may look at an undefined value without failing. */
    record Test(String name, BiPredicate<Object, Args> predicate, boolean acceptsUndefined) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (!acceptsUndefined) {
                Values.defined(var);
            }
            return predicate.test(var, new Args(name, unpack(args), Map.of()));
        }

        @Override
        public boolean evaluateNegated(Object var, JinjavaInterpreter interpreter, Object... args) {
            return !evaluate(var, interpreter, args);
        }
    }

    /**
     * Jinjava hands {@code is t(a, b=c)} to the test as one tuple [a, c] (a plain PyList; a list
     * literal argument is a SizeLimitingPyList), so keyword arguments arrive by position.
     */
    private static Object[] unpack(Object[] args) {
        if (args != null && args.length == 1 && args[0] != null && args[0].getClass() == PyList.class) {
            return ((PyList) args[0]).toArray();
        }
        return args;
    }

    static List<Test> all() {
        return List.of(
                new Test("defined", (v, a) -> !(v instanceof Undefined), true),
                new Test("undefined", (v, a) -> v instanceof Undefined, true),
                new Test("none", (v, a) -> v == null, true),
                test("string", (v, a) -> v instanceof CharSequence),
                test("number", (v, a) -> v instanceof Number || v instanceof Boolean),
                test("integer", (v, a) -> Values.isNumber(v) && !Values.isFloat(v)),
                test("float", (v, a) -> Values.isFloat(v)),
                test("boolean", (v, a) -> v instanceof Boolean),
                test("true", (v, a) -> Boolean.TRUE.equals(v)),
                test("false", (v, a) -> Boolean.FALSE.equals(v)),
                test("mapping", (v, a) -> v instanceof Map),
                test("iterable", (v, a) -> iterable(v)),
                test("sequence", (v, a) -> iterable(v)),
                test("match", (v, a) -> Regex.matches(v, a.string(0, "pattern", ""), true, a)),
                test("search", (v, a) -> Regex.matches(v, a.string(0, "pattern", ""), false, a)),
                test("regex", (v, a) -> Regex.matches(v, a.string(0, "pattern", ""),
                        "match".equals(a.string(3, "match_type", "search")), a)),
                test("equalto", (v, a) -> Values.pyEquals(v, a.get(0, "other", null))),
                test("eq", (v, a) -> Values.pyEquals(v, a.get(0, "other", null))),
                test("==", (v, a) -> Values.pyEquals(v, a.get(0, "other", null))),
                test("ne", (v, a) -> !Values.pyEquals(v, a.get(0, "other", null))),
                test("!=", (v, a) -> !Values.pyEquals(v, a.get(0, "other", null))),
                test("lt", (v, a) -> Values.compare(v, a.get(0, "other", null)) < 0),
                test("le", (v, a) -> Values.compare(v, a.get(0, "other", null)) <= 0),
                test("gt", (v, a) -> Values.compare(v, a.get(0, "other", null)) > 0),
                test("ge", (v, a) -> Values.compare(v, a.get(0, "other", null)) >= 0),
                test("in", (v, a) -> contains(a.get(0, "seq", null), v)),
                test("contains", (v, a) -> contains(v, a.get(0, "value", null))),
                test("version", (v, a) -> Versions.test(v, a.get(0, "version", ""), Values.str(a.get(1, "operator", "eq")))),
                test("version_compare", (v, a) -> Versions.test(v, a.get(0, "version", ""), Values.str(a.get(1, "operator", "eq")))),
                test("subset", (v, a) -> allIn(v, a.get(0, "b", List.of()))),
                test("superset", (v, a) -> allIn(a.get(0, "b", List.of()), v)),
                test("divisibleby", (v, a) -> Values.toLong(v) % Values.toLong(a.get(0, "num", 1)) == 0),
                test("even", (v, a) -> Values.toLong(v) % 2 == 0),
                test("odd", (v, a) -> Values.toLong(v) % 2 != 0),
                test("lower", (v, a) -> Values.str(v).equals(Values.str(v).toLowerCase())),
                test("upper", (v, a) -> Values.str(v).equals(Values.str(v).toUpperCase())),
                test("truthy", (v, a) -> PyRepr.truthy(v)),
                test("falsy", (v, a) -> !PyRepr.truthy(v)),
                test("succeeded", (v, a) -> !flag(v, "failed")),
                test("success", (v, a) -> !flag(v, "failed")),
                test("failed", (v, a) -> flag(v, "failed")),
                test("failure", (v, a) -> flag(v, "failed")),
                test("changed", (v, a) -> flag(v, "changed")),
                test("change", (v, a) -> flag(v, "changed")),
                test("skipped", (v, a) -> flag(v, "skipped")),
                test("skip", (v, a) -> flag(v, "skipped")));
    }

    private static Test test(String name, BiPredicate<Object, Args> predicate) {
        return new Test(name, predicate, false);
    }

    /** Every element of {@code small} is in {@code big} (Python's set.issubset). */
    private static boolean allIn(Object small, Object big) {
        if (!(small instanceof Collection<?> s) || !(big instanceof Collection<?> b)) {
            throw new IllegalArgumentException("subset and superset compare lists");
        }
        for (Object x : s) {
            if (b.stream().noneMatch(y -> Values.pyEquals(x, y))) return false;
        }
        return true;
    }

    private static boolean iterable(Object v) {
        return v instanceof CharSequence || v instanceof Collection || v instanceof Map || v instanceof Object[];
    }

    /** Python's {@code needle in haystack}: substring, list item or dict key. */
    static boolean contains(Object haystack, Object needle) {
        if (haystack instanceof CharSequence s) {
            return s.toString().contains(Values.str(needle));
        }
        if (haystack instanceof Map<?, ?> m) {
            return m.containsKey(needle) || m.keySet().stream().anyMatch(k -> Values.pyEquals(k, needle));
        }
        return Values.iterate(haystack).stream().anyMatch(item -> Values.pyEquals(item, needle));
    }

    /** A registered task result's flag; Ansible refuses anything but a dict here. */
    private static boolean flag(Object result, String key) {
        if (!(result instanceof Map<?, ?> m)) {
            throw Failures.raise("The '" + key + "' test expects a dictionary");
        }
        Object v = m.get(key);
        return Boolean.TRUE.equals(StringFilters.toBool(v));
    }
}

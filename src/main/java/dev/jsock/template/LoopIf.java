package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jinja's loop filtering, {@code {% for x in items if x.enabled %}}, which Jinjava reads as a
 * conditional expression without an else. The loop's expression is rewritten to
 * {@code (items) | jsock_loop_if('x', 'COND')}: the filter keeps the items for which the condition
 * holds with the loop variables bound to them, so {@code loop.index} and {@code loop.length} count
 * the kept items only, as in Jinja. The condition travels base64-encoded, so no quoting of it can
 * break the rewritten expression.
 */
final class LoopIf implements Filter {
    static final String NAME = "jsock_loop_if";

    /** The loop expression and its condition, when {@code expression} ends in a top-level {@code if}. */
    record Split(String items, String condition) {}

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * Splits {@code items if cond} at its top-level {@code if}; empty when there is none, or when a
     * top-level {@code else} follows it (then it is a conditional expression, {@code a if b else c}).
     */
    static Optional<Split> split(String expression) {
        int depth = 0;
        char quote = 0;
        int at = -1;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                default -> {
                    if (depth == 0 && word(expression, i, "if") && at < 0) at = i;
                    else if (depth == 0 && at >= 0 && word(expression, i, "else")) return Optional.empty();
                }
            }
        }
        if (at <= 0) return Optional.empty();
        String items = expression.substring(0, at).strip();
        String condition = expression.substring(at + 2).strip();
        if (items.isEmpty() || condition.isEmpty()) return Optional.empty();
        return Optional.of(new Split(items, condition));
    }

    /** The loop expression that filters {@code split.items()} by its condition. */
    static String rewrite(Split split, List<String> loopVars) {
        return "(" + split.items() + ") | " + NAME + "('" + String.join(",", loopVars) + "', '"
                + Base64.getEncoder().encodeToString(split.condition().getBytes(StandardCharsets.UTF_8)) + "')";
    }

    private static boolean word(String s, int i, String w) {
        if (!s.startsWith(w, i)) return false;
        boolean before = i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)) && s.charAt(i - 1) != '.';
        int end = i + w.length();
        boolean after = end == s.length() || !Character.isJavaIdentifierPart(s.charAt(end));
        return before && after;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        List<String> names = List.of(args[0].split(","));
        String condition = new String(Base64.getDecoder().decode(args[1]), StandardCharsets.UTF_8);
        ForLoop loop = ObjectIterator.getLoop(var);
        List<Object> kept = new ArrayList<>();
        while (loop.hasNext()) {
            Object item = loop.next();
            interpreter.enterScope();
            try {
                bind(interpreter, names, item);
                Object holds = interpreter.resolveELExpression(condition, interpreter.getLineNumber());
                if (PyRepr.truthy(holds)) kept.add(item);
            } finally {
                interpreter.leaveScope();
            }
        }
        return kept;
    }

    /** Binds the loop variables as the for loop will: one name takes the item, several unpack it. */
    private static void bind(JinjavaInterpreter interpreter, List<String> names, Object item) {
        if (names.size() == 1) {
            interpreter.getContext().put(names.get(0), item);
            return;
        }
        List<?> parts;
        if (item instanceof Map.Entry<?, ?> e) parts = java.util.Arrays.asList(e.getKey(), e.getValue());
        else if (item instanceof List<?> l) parts = l;
        else if (item instanceof Object[] a) parts = java.util.Arrays.asList(a);
        else parts = List.of();
        for (int i = 0; i < names.size(); i++) {
            interpreter.getContext().put(names.get(i), i < parts.size() ? parts.get(i) : null);
        }
    }
}

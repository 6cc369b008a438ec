package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jinja's {@code {% with a = 1, b = x %}…{% endwith %}}: names that hold only inside the block,
 * their values computed outside it (so {@code with x = x + 1} reads the outer x). Jinjava has no
 * such tag.
 */
final class WithTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "with";
    }

    @Override
    public String getEndTagName() {
        return "endwith";
    }

    @Override
    public String interpret(TagNode node, JinjavaInterpreter interpreter) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String assignment : topLevelCommas(node.getHelpers())) {
            if (assignment.isBlank()) continue;
            int eq = assignment.indexOf('=');
            String name = eq < 0 ? "" : assignment.substring(0, eq).strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || assignment.startsWith("=", eq + 1)) {
                throw Failures.raise("expected 'name = value' in {% with %}, got: " + assignment.strip());
            }
            values.put(name, interpreter.resolveELExpression(assignment.substring(eq + 1).strip(), node.getLineNumber()));
        }
        interpreter.enterScope();
        try {
            values.forEach(interpreter.getContext()::put);
            StringBuilder out = new StringBuilder();
            for (Node child : node.getChildren()) out.append(child.render(interpreter).getValue());
            return out.toString();
        } finally {
            interpreter.leaveScope();
        }
    }

    /** Splits at commas outside brackets and string literals. */
    static List<String> topLevelCommas(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < s.length()) cur.append(c).append(s.charAt(++i));
                else {
                    if (c == quote) quote = 0;
                    cur.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') quote = c;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}

package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

/**
 * Jinja's filter block, {@code {% filter upper %}…{% endfilter %}} (a chain too:
 * {@code {% filter indent(4) | trim %}}): the block's rendered text through the filters. Jinjava
 * has no such tag.
 */
final class FilterBlockTag implements Tag {
    private static final long serialVersionUID = 1L;
    /** Not a name a template can write, so the body cannot collide with a variable. */
    private static final String BODY = "jsock_filter_body";

    @Override
    public String getName() {
        return "filter";
    }

    @Override
    public String getEndTagName() {
        return "endfilter";
    }

    @Override
    public String interpret(TagNode node, JinjavaInterpreter interpreter) {
        StringBuilder body = new StringBuilder();
        for (Node child : node.getChildren()) body.append(child.render(interpreter).getValue());
        String filters = node.getHelpers().strip();
        if (filters.isEmpty()) throw Failures.raise("a filter block needs a filter: {% filter upper %}");
        interpreter.enterScope();
        try {
            interpreter.getContext().put(BODY, body.toString());
            Object out = interpreter.resolveELExpression(BODY + " | " + filters, node.getLineNumber());
            return out == null ? "" : out instanceof String s ? s : PyRepr.str(out);
        } finally {
            interpreter.leaveScope();
        }
    }
}

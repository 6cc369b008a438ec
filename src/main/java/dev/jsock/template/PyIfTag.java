package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.tree.TagNode;

/** Jinjava's if/elif with Python truthiness: Jinjava treats the string "false" as false, Python does not. */
final class PyIfTag extends IfTag {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isPositiveIfElseNode(TagNode node, JinjavaInterpreter interpreter) {
        String name = node.getName();
        if (!"if".equals(name) && !"elif".equals(name)) {
            return super.isPositiveIfElseNode(node, interpreter);
        }
        return PyRepr.truthy(interpreter.resolveELExpression(node.getHelpers(), node.getLineNumber()));
    }
}

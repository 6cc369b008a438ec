package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import com.hubspot.jinjava.util.ObjectIterator;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.lang3.tuple.Pair;

/**
 * Jinjava's for loop plus two things of Jinja's: {@code {% for %}…{% else %}…{% endfor %}} (Jinjava
 * parses the else but renders the loop body and the else part together) and loop filtering,
 * {@code {% for x in items if cond %}} ({@link LoopIf}).
 */
final class ForElseTag extends ForTag {
    private static final long serialVersionUID = 1L;

    @Override
    public Pair<List<String>, String> getLoopVarsAndExpression(TagToken token) {
        Pair<List<String>, String> parsed = super.getLoopVarsAndExpression(token);
        return LoopIf.split(parsed.getRight())
                .map(split -> Pair.of(parsed.getLeft(), LoopIf.rewrite(split, parsed.getLeft())))
                .orElse(parsed);
    }

    @Override
    public String renderForCollection(TagNode node, JinjavaInterpreter interpreter, List<String> loopVars, Object collection) {
        List<Node> children = node.getChildren();
        int split = elseIndex(children);
        if (split < 0) {
            return super.renderForCollection(node, interpreter, loopVars, collection);
        }
        List<Node> all = new ArrayList<>(children);
        List<Node> elsePart = new ArrayList<>(all.subList(split + 1, all.size()));
        // The tree is built per render call, so trimming it for the duration of this loop is safe.
        children.subList(split, children.size()).clear();
        try {
            if (ObjectIterator.getLoop(collection).hasNext()) {
                return super.renderForCollection(node, interpreter, loopVars, collection);
            }
            StringBuilder out = new StringBuilder();
            for (Node child : elsePart) {
                out.append(child.render(interpreter).getValue());
            }
            return out.toString();
        } finally {
            children.clear();
            children.addAll(all);
        }
    }

    private static int elseIndex(List<Node> children) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof TagNode tag && "else".equals(tag.getName())) {
                return i;
            }
        }
        return -1;
    }
}

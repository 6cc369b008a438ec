package dev.jsock.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/**
 * Jinjava's expression syntax with Python's == and != : Jinjava (Java EL) coerces a string to a
 * number before comparing, so {@code 10 != 'None'} fails instead of being true. Public with a
 * features constructor because the EL factory instantiates it by class name.
 */
public final class PythonSyntaxBuilder extends ExtendedSyntaxBuilder {
    private static final long serialVersionUID = 1L;

    public PythonSyntaxBuilder(Feature... features) {
        super(features);
    }

    @Override
    protected Parser createParser(String expression) {
        return new ExtendedParser(this, expression) {
            @Override
            protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
                if (operator == AstBinary.EQ) return super.createAstBinary(left, right, PythonEquality.EQ);
                if (operator == AstBinary.NE) return super.createAstBinary(left, right, PythonEquality.NE);
                return super.createAstBinary(left, right, operator);
            }
        };
    }
}

package dev.jsock.template;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.ExtendedScanner;
import jinjava.de.odysseus.el.tree.impl.Parser;
import jinjava.de.odysseus.el.tree.impl.Parser.ParseException;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

/**
 * Jinjava's expression syntax made closer to Jinja's:
 * <ul>
 * <li>Python's == and != : Jinjava (Java EL) coerces a string to a number before comparing, so
 * {@code 10 != 'None'} fails instead of being true;</li>
 * <li>Java EL's word operators ({@code empty}, {@code div}, {@code mod}, {@code eq}, {@code lt} …)
 * are plain names, as in Jinja: a variable called {@code empty} or {@code mod} (a registered
 * result, say) is otherwise a syntax error. Jinja's own words (and, or, not, in, is, true, false)
 * stay operators and literals;</li>
 * <li>{@code *} repeats a string or list by an integer ({@code '-' * 20});</li>
 * <li>{@code not} binds looser than comparisons and tests, as in Jinja: {@code not x is defined}
 * is {@code not (x is defined)}; Java EL reads it as {@code (not x) is defined}, which is true for
 * every defined x.</li>
 * </ul>
 * Public with a features constructor because the EL factory instantiates it by class name.
 */
public final class PythonSyntaxBuilder extends ExtendedSyntaxBuilder {
    private static final long serialVersionUID = 1L;

    public PythonSyntaxBuilder(Feature... features) {
        super(features);
    }

    private static final java.util.Set<String> EL_ONLY_WORDS =
            java.util.Set.of("empty", "div", "mod", "eq", "ne", "lt", "le", "gt", "ge", "instanceof");

    @Override
    protected Parser createParser(String expression) {
        return new ExtendedParser(this, expression) {
            @Override
            protected Scanner createScanner(String text) {
                return new ExtendedScanner(text) {
                    @Override
                    protected Scanner.Token keyword(String word) {
                        return EL_ONLY_WORDS.contains(word) ? null : super.keyword(word);
                    }
                };
            }

            /** {@code none_value.attr}: Jinja's undefined (so | default applies), where Java EL gives null. */
            @Override
            protected AstDot createAstDot(AstNode base, String property, boolean lvalue) {
                return new AstDot(base, property, lvalue) {
                    @Override
                    public Object eval(Bindings bindings, ELContext context) {
                        Object owner = prefix.eval(bindings, context);
                        if (owner == null) return new Undefined("'None' has no attribute '" + property + "'");
                        context.setPropertyResolved(false);
                        Object result = context.getELResolver().getValue(context, owner, property);
                        if (!context.isPropertyResolved()) {
                            throw new jinjava.javax.el.PropertyNotFoundException("Cannot resolve property '" + property + "'");
                        }
                        return result;
                    }
                };
            }

            @Override
            protected AstNode unary(boolean required) throws Scanner.ScanException, ParseException {
                if (getToken().getSymbol() == Scanner.Symbol.NOT) {
                    consumeToken();
                    return createAstUnary(eq(true), AstUnary.NOT);
                }
                return super.unary(required);
            }

            @Override
            protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
                if (operator == AstBinary.EQ) return super.createAstBinary(left, right, PythonEquality.EQ);
                if (operator == AstBinary.NE) return super.createAstBinary(left, right, PythonEquality.NE);
                if (operator == AstBinary.MUL) return super.createAstBinary(left, right, new PythonArithmetic(PythonRepeat.MUL, PythonArithmetic.Kind.MUL));
                if (operator == AstBinary.ADD || operator == com.hubspot.jinjava.el.ext.AdditionOperator.OP) {
                    return super.createAstBinary(left, right, new PythonArithmetic(operator, PythonArithmetic.Kind.ADD));
                }
                if (operator == AstBinary.SUB) return super.createAstBinary(left, right, new PythonArithmetic(operator, PythonArithmetic.Kind.SUB));
                if (operator == AstBinary.DIV) return super.createAstBinary(left, right, new PythonArithmetic(operator, PythonArithmetic.Kind.DIV));
                if (operator == AstBinary.MOD) return super.createAstBinary(left, right, new PythonArithmetic(operator, PythonArithmetic.Kind.MOD));
                return super.createAstBinary(left, right, operator);
            }
        };
    }
}

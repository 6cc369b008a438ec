package dev.jsock.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import java.util.Properties;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

/** Jinjava whose expression engine coerces values with {@link PythonTypeConverter}; Jinjava offers no setting for that. */
final class AnsibleJinjava extends Jinjava {
    private final ExpressionFactory expressionFactory;

    AnsibleJinjava(JinjavaConfig config) {
        super(config);
        Properties properties = new Properties();
        properties.setProperty(TreeBuilder.class.getName(), PythonSyntaxBuilder.class.getName());
        properties.setProperty("jinjava.javax.el.cacheSize", "5000");
        expressionFactory = new ExpressionFactoryImpl(properties, new PythonTypeConverter());
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressionFactory;
    }
}

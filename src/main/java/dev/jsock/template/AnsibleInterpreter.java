package dev.jsock.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Jinjava's interpreter with Ansible's variable rules: variables not set in the template come
 * lazily from the session's raw vars, a missing one is {@link Undefined} (not null), values print
 * as Python prints them, and an expression whose result is undefined fails.
 */
final class AnsibleInterpreter extends JinjavaInterpreter {

    AnsibleInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    AnsibleInterpreter(JinjavaInterpreter original) {
        super(original);
    }

    static InterpreterFactory factory() {
        return new InterpreterFactory() {
            @Override
            public JinjavaInterpreter newInstance(JinjavaInterpreter original) {
                return new AnsibleInterpreter(original);
            }

            @Override
            public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
                return new AnsibleInterpreter(jinjava, context, config);
            }
        };
    }

    /**
     * Whether a loop or {% set %} of this render gave {@code name} a value, None included: the
     * context's own containsKey reads a None as absent, which made {% for k, v in d.items() %}
     * fail on a null value with "'v' is undefined".
     */
    private boolean assignedInTemplate(String name) {
        for (com.hubspot.jinjava.util.ScopeMap<String, Object> m = getContext(); m != null; m = m.getParent()) {
            if (m.getScope().containsKey(name)) return true;
        }
        return false;
    }

    @Override
    public Object retraceVariable(String name, int lineNumber, int startPosition) {
        Object value = super.retraceVariable(name, lineNumber, startPosition);
        // a loop over a None item keeps Jinjava's marker for it: to templates it is None
        if (value instanceof com.hubspot.jinjava.interpret.NullValue) return null;
        if (value != null || name == null || assignedInTemplate(name)) {
            return value;
        }
        switch (name) {
            case "none", "None":
                return null;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            default:
                break;
        }
        RenderSession session = RenderSession.of(this);
        if (session == null) {
            return Undefined.variable(name);
        }
        try {
            return session.variable(name);
        } finally {
            session.locate(lineNumber);
        }
    }

    @Override
    public String getAsString(Object value) {
        if (value instanceof Undefined u) {
            throw Failures.raise(u.message());
        }
        return PyRepr.output(value);
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber) {
        return defined(super.resolveELExpression(expression, lineNumber));
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber, int position) {
        return defined(super.resolveELExpression(expression, lineNumber, position));
    }

    private static Object defined(Object value) {
        if (value instanceof Undefined u) {
            throw Failures.raise(u.message());
        }
        return value;
    }
}

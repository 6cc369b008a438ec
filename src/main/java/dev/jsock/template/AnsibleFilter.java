package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;

/**
 * A filter with Ansible's rules. Undefined input fails, as in Ansible, unless the filter exists
 * to handle it ({@code default}, {@code mandatory}).
 */
final class AnsibleFilter implements Filter {

    @FunctionalInterface
    interface Body {
        Object apply(Object value, Args args);
    }

    private final String name;
    private final Body body;
    private final boolean acceptsUndefined;

    private AnsibleFilter(String name, Body body, boolean acceptsUndefined) {
        this.name = name;
        this.body = body;
        this.acceptsUndefined = acceptsUndefined;
    }

    static AnsibleFilter of(String name, Body body) {
        return new AnsibleFilter(name, body, false);
    }

    static AnsibleFilter acceptingUndefined(String name, Body body) {
        return new AnsibleFilter(name, body, true);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, (Object[]) args, Map.of());
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (!acceptsUndefined) {
            Values.defined(var);
        }
        Args a = new Args(name, args, kwargs);
        return body.apply(var, a);
    }

    /** Wraps one of Jinjava's own filters so that it, too, refuses undefined input. */
    static Filter strict(Filter delegate) {
        return new Filter() {
            @Override
            public String getName() {
                return delegate.getName();
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                Values.defined(var);
                return delegate.filter(var, interpreter, args);
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
                Values.defined(var);
                for (Object arg : args) {
                    Values.defined(arg);
                }
                return delegate.filter(var, interpreter, args, kwargs);
            }
        };
    }
}

package dev.jsock.template;

import com.hubspot.jinjava.el.TruthyTypeConverter;

/**
 * Jinjava's expression coercions with Python's rules: {@code ~} joins str() of each side
 * (True, None, ['a']) and {@code and}/{@code or}/{@code not}/inline-if use Python truthiness
 * (the string "false" is true, as in Python).
 */
final class PythonTypeConverter extends TruthyTypeConverter {
    private static final long serialVersionUID = 1L;

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return PyRepr.truthy(value);
    }

    @Override
    protected String coerceToString(Object value) {
        if (value instanceof Undefined u) {
            throw Failures.raise(u.message());
        }
        return PyRepr.str(value);
    }
}

package dev.jsock.template;

/**
 * A value that is not there, carrying the message Ansible would print when it is used
 * ("'x' is undefined", "'dict object' has no attribute 'y'"). Like Ansible's undefined it can be
 * tested ({@code is defined}), defaulted ({@code | default}) and have attributes taken (which stay
 * undefined), but printing, iterating or converting it fails.
 */
final class Undefined {
    private final String message;

    Undefined(String message) {
        this.message = message;
    }

    static Undefined variable(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    static Undefined attribute(Object owner, Object name) {
        return new Undefined("'" + PyRepr.typeName(owner) + " object' has no attribute '" + name + "'");
    }

    String message() {
        return message;
    }

    /** Anything that stringifies an undefined value is using it, which Ansible refuses. */
    @Override
    public String toString() {
        throw Failures.raise(message);
    }
}

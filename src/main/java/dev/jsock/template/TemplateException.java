package dev.jsock.template;

import dev.jsock.model.Source;

/**
 * A template that cannot be rendered: undefined variable, syntax error, bad filter argument.
 * The message follows Ansible's wording where one exists ("'x' is undefined").
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Source source;

    public TemplateException(String message, Source source) {
        super(message);
        this.source = source;
    }

    public TemplateException(String message, Source source, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /** File and line within the template, when known; may be null. */
    public Source source() {
        return source;
    }
}

package dev.jsock.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Jinjava catches every exception thrown while evaluating an expression and turns it into a
 * warning. So an Ansible-fatal error is first recorded on the render session (first one wins),
 * then thrown to stop the current expression; the templar reports the recorded one.
 */
final class Failures {
    private Failures() {
    }

    static TemplateFailure raise(String message) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter != null) {
            RenderSession session = RenderSession.of(interpreter);
            if (session != null) {
                session.fail(message, interpreter.getLineNumber());
            }
        }
        return new TemplateFailure(message);
    }

    /** The exception thrown after recording; it carries only the message. */
    static final class TemplateFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TemplateFailure(String message) {
            super(message, null, false, false);
        }
    }
}

package dev.jsock.template;

import com.hubspot.jinjava.interpret.TemplateError;

/** Turns Jinjava's fatal errors into the wording Ansible users know. */
final class JinjavaErrors {
    private JinjavaErrors() {
    }

    static String message(TemplateError error) {
        String message = error.getMessage();
        if (error.getItem() == TemplateError.ErrorItem.FILTER && error.getFieldName() != null) {
            return "template error while templating string: Could not load \"" + error.getFieldName()
                    + "\": '" + error.getFieldName() + "'";
        }
        return "template error while templating string: " + message;
    }
}

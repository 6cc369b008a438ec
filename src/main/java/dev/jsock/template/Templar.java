package dev.jsock.template;

import java.util.Map;

/**
 * Jinja templating with Ansible's semantics. Variable maps hold raw, untemplated values (as loaded
 * from YAML); a variable's value is templated when a template reads it, as Ansible does lazily,
 * and a variable that refers to itself is reported, not looped on.
 */
public interface Templar {

    /**
     * Renders a template file's text as Ansible's template module does: trim_blocks, trailing
     * newline kept, undefined variables fail.
     *
     * @param fileName shown in error messages
     * @throws TemplateException with the template's file and line
     */
    String renderFile(String text, String fileName, Map<String, Object> vars);

    /**
     * Templates a value from a playbook: strings are templated, lists and maps recursively; a
     * string that is exactly one {@code {{ expression }}} keeps the expression's type (list,
     * dict, int, bool).
     */
    Object template(Object value, Map<String, Object> vars);

    /** Evaluates a bare condition as {@code when:} / {@code changed_when:} do; booleans pass through. */
    boolean condition(Object expression, Map<String, Object> vars);

    /** Python's json.dumps of a value (", " and ": " separators, key order kept), as Ansible serialises data. */
    String toJson(Object value);

    /** Python's str() of a value as Jinja in Ansible prints it: True, ['a', 'b'], {'k': 'v'}. */
    String toText(Object value);

    /**
     * How many hosts are about to run the same tasks (side by side, or one after the other with
     * forks 1). With more than one, a templar may share a render between hosts whose variables give
     * the same result; with one, there is nothing to share and remembering would only cost. A hint:
     * results never depend on it.
     */
    default void hostsSideBySide(int count) {
    }
}

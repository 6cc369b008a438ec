package dev.jsock.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's first line {@code #jinja2: trim_blocks: False, lstrip_blocks: True}, which Ansible
 * reads as settings for that template and leaves out of its output. The engine keeps one setting
 * for all templates (trim_blocks on, lstrip_blocks off, Ansible's defaults), so another setting is
 * written into the template's text: without trim_blocks the line break after a block tag is
 * doubled (the engine removes one), with lstrip_blocks the spaces before a block tag that starts
 * a line are removed.
 */
final class JinjaHeader {
    private static final String HEADER = "#jinja2:";
    private static final Pattern BLOCK_END_LINE = Pattern.compile("(?<!-)%}\n");
    private static final Pattern INDENTED_BLOCK = Pattern.compile("(?m)^[ \t]+(\\{%(?![+]))");

    private JinjaHeader() {}

    static String apply(String text, String fileName) {
        if (!text.startsWith(HEADER)) return text;
        int eol = text.indexOf('\n');
        String line = text.substring(HEADER.length(), eol < 0 ? text.length() : eol);
        String body = eol < 0 ? "" : text.substring(eol + 1);
        boolean trim = true;
        boolean lstrip = false;
        for (String pair : line.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new TemplateException("failed to parse jinja2 override '" + pair.strip()
                        + "'. Did you use something different from colon as key-value separator?", dev.jsock.model.Source.of(fileName));
            }
            String key = pair.substring(0, colon).strip();
            boolean value = pair.substring(colon + 1).strip().equals("True");
            switch (key) {
                case "trim_blocks" -> trim = value;
                case "lstrip_blocks" -> lstrip = value;
                default -> throw new TemplateException("jsock does not support the jinja2 override '" + key
                        + "' (trim_blocks and lstrip_blocks are supported)", dev.jsock.model.Source.of(fileName));
            }
        }
        if (lstrip) body = INDENTED_BLOCK.matcher(body).replaceAll("$1");
        if (!trim) body = BLOCK_END_LINE.matcher(body).replaceAll(Matcher.quoteReplacement("%}\n\n"));
        return body;
    }
}

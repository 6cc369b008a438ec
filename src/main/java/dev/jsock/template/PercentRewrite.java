package dev.jsock.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code "fmt" % args} on a string literal, which Jinjava's expression language reads as
 * arithmetic: rewritten to the equivalent {@code ("fmt" | format(args))} before parsing. Only a
 * literal on the left is recognised, with a name, a number, a string or a parenthesised tuple on the
 * right, which is how templates use it.
 */
final class PercentRewrite {
    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern LITERAL_MOD = Pattern.compile(
            "('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")\\s*%\\s*");
    private static final Pattern OPERAND = Pattern.compile(
            "[A-Za-z_][\\w.]*(?:\\[[^\\]]*])*|-?\\d+(?:\\.\\d+)?|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    private PercentRewrite() {
    }

    static String apply(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        Matcher block = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            int group = block.group(1) != null ? 1 : 2;
            String code = block.group(group);
            String rewritten = rewrite(code);
            String whole = block.group();
            int at = block.start(group) - block.start();
            String replacement = whole.substring(0, at) + rewritten + whole.substring(at + code.length());
            block.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        block.appendTail(out);
        return out.toString();
    }

    private static String rewrite(String code) {
        Matcher m = LITERAL_MOD.matcher(code);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find(from)) {
            int end = operandEnd(code, m.end());
            if (end < 0) {
                out.append(code, from, m.end());
                from = m.end();
                continue;
            }
            String operand = code.substring(m.end(), end);
            String args = operand.startsWith("(") ? operand.substring(1, operand.length() - 1) : operand;
            out.append(code, from, m.start()).append('(').append(m.group(1)).append(" | format(").append(args).append("))");
            from = end;
        }
        return out.append(code.substring(from)).toString();
    }

    /** End of the right operand: a balanced (...) group or a simple operand; -1 if neither. */
    private static int operandEnd(String code, int start) {
        if (start < code.length() && code.charAt(start) == '(') {
            int depth = 0;
            char quote = 0;
            for (int i = start; i < code.length(); i++) {
                char c = code.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i + 1;
                }
            }
            return -1;
        }
        Matcher operand = OPERAND.matcher(code).region(start, code.length());
        return operand.lookingAt() ? operand.end() : -1;
    }
}

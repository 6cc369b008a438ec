package dev.jsock.modules;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words like Python's shlex.split (POSIX mode, no comments). */
final class Shlex {
    private Shlex() {}

    static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) words.add(w.toString());
                w.setLength(0);
                inWord = false;
                i++;
            } else if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) throw new ModuleArgs.BadArgument("No closing quotation");
                w.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(s, i + 1, w);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= s.length()) throw new ModuleArgs.BadArgument("No escaped character");
                w.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                w.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(w.toString());
        return words;
    }

    /** Reads a double-quoted part starting after the quote; returns the index after the closing quote. */
    private static int doubleQuoted(String s, int start, StringBuilder w) {
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < s.length() && "\\\"$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                w.append(s.charAt(i + 1));
                i += 2;
            } else {
                w.append(c);
                i++;
            }
        }
        throw new ModuleArgs.BadArgument("No closing quotation");
    }
}

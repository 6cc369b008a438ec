package dev.jsock.inventory;

import java.util.ArrayList;
import java.util.List;

/** Python's shlex.split(line, comments=True) in POSIX mode, as the INI inventory uses for host lines. */
final class Shlex {
    private Shlex() {}

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inToken) out.add(cur.toString());
                cur.setLength(0);
                inToken = false;
                i++;
            } else if (c == '#' && !inToken) {
                break;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("No closing quotation");
                cur.append(line, i + 1, end);
                inToken = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) throw new IllegalArgumentException("No closing quotation");
                    char d = line.charAt(i);
                    if (d == '"') break;
                    if (d == '\\' && i + 1 < line.length() && "\\\"$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                        d = line.charAt(++i);
                    }
                    cur.append(d);
                    i++;
                }
                inToken = true;
                i++;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(i + 1));
                inToken = true;
                i += 2;
            } else {
                cur.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) out.add(cur.toString());
        return out;
    }
}

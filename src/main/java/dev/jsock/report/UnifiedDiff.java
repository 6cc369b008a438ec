package dev.jsock.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.jsock.model.FileDiff;
import java.util.Arrays;
import java.util.List;

/** --diff output: a unified diff of before and after, labelled like Ansible's (before: / after:). */
final class UnifiedDiff {
    private UnifiedDiff() {}

    static String of(FileDiff d) {
        List<String> before = lines(d.before());
        List<String> after = lines(d.after());
        // State diffs (file module) have no path: Ansible labels them plain "before" / "after".
        String from = d.before() == null || d.path() == null ? "before" : "before: " + d.path();
        String to = d.path() == null ? "after" : "after: " + d.path();
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(from, to, before, DiffUtils.diff(before, after), 3);
        if (out.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            String l = out.get(i);
            if (i < 2) sb.append(l).append('\n'); // the --- and +++ labels
            else if (l.startsWith("@@")) sb.append(pythonHunkHeader(l)).append('\n');
            else if (l.endsWith("\n")) sb.append(l);
            else sb.append(l).append("\n\\ No newline at end of file\n"); // a last line without one, as difflib marks it
        }
        return sb.append('\n').toString();
    }

    private static final java.util.regex.Pattern HUNK = java.util.regex.Pattern.compile("^@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");

    /** Python's difflib writes a one-line range as "N" and an empty one as "N-1,0"; Ansible's diffs look like that. */
    static String pythonHunkHeader(String header) {
        java.util.regex.Matcher m = HUNK.matcher(header);
        if (!m.find()) return header;
        return "@@ -" + range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) + " +"
                + range(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))) + " @@" + header.substring(m.end());
    }

    private static String range(int start, int length) {
        if (length == 1) return String.valueOf(start);
        if (length == 0) return (start - 1) + ",0";
        return start + "," + length;
    }

    /** The lines with their line breaks (Python's splitlines(keepends=True)): "c" and "c\n" are different lines. */
    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<String> out = new java.util.ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(from, end));
            from = end;
        }
        return out;
    }
}

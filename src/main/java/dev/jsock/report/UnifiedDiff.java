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
        for (String l : out) sb.append(l.startsWith("@@") ? pythonHunkHeader(l) : l).append('\n');
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

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return Arrays.asList(text.split("\n", -1)).subList(0, text.endsWith("\n") ? text.split("\n", -1).length - 1 : text.split("\n", -1).length);
    }
}

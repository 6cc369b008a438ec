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
        for (String l : out) sb.append(l).append('\n');
        return sb.toString();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return Arrays.asList(text.split("\n", -1)).subList(0, text.endsWith("\n") ? text.split("\n", -1).length - 1 : text.split("\n", -1).length);
    }
}

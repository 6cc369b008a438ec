package dev.jsock.exec;

import java.util.List;

/**
 * --tags / --skip-tags selection with Ansible's special tags: "always" runs unless skipped by name,
 * "never" runs only when asked for by name, "tagged"/"untagged"/"all" select by presence.
 */
public record TagFilter(List<String> only, List<String> skip) {

    public TagFilter {
        only = List.copyOf(only);
        skip = List.copyOf(skip);
    }

    public boolean selects(List<String> taskTags) {
        if (!skip.isEmpty()) {
            if (skip.contains("all")) return false;
            for (String t : taskTags) if (skip.contains(t)) return false;
            if (skip.contains("tagged") && !taskTags.isEmpty()) return false;
            if (skip.contains("untagged") && taskTags.isEmpty()) return false;
        }
        boolean wantsAll = only.isEmpty() || only.contains("all");
        if (taskTags.contains("never")) {
            for (String t : taskTags) if (!t.equals("never") && only.contains(t)) return true;
            return only.contains("never");
        }
        if (wantsAll) return true;
        if (taskTags.contains("always")) return true;
        if (only.contains("tagged") && !taskTags.isEmpty()) return true;
        if (only.contains("untagged") && taskTags.isEmpty()) return true;
        for (String t : taskTags) if (only.contains(t)) return true;
        return false;
    }
}

package dev.jsock.exec;

import java.util.List;
import java.util.Map;

/** What the user asked for, independent of how it was asked (CLI, test). */
public record RunRequest(
        boolean check,
        boolean diff,
        int forks,
        String limit,
        List<String> tags,
        List<String> skipTags,
        Map<String, Object> extraVars,
        int verbosity,
        String startAtTask) {

    public RunRequest {
        tags = List.copyOf(tags);
        skipTags = List.copyOf(skipTags);
        extraVars = dev.jsock.model.Maps.copy(extraVars);
        if (forks < 1) throw new IllegalArgumentException("forks must be at least 1");
    }

    public static RunRequest defaults() {
        return new RunRequest(false, false, 10, null, List.of(), List.of(), Map.of(), 0, null);
    }
}

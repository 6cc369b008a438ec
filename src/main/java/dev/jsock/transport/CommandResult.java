package dev.jsock.transport;

import java.util.List;

/** What a remote command returned. Output is decoded as UTF-8. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** Lines of stdout without trailing newline characters, as Ansible's stdout_lines. */
    public List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : List.of(stdout.split("\r?\n", -1)).subList(0, countLines(stdout));
    }

    public List<String> stderrLines() {
        return stderr.isEmpty() ? List.of() : List.of(stderr.split("\r?\n", -1)).subList(0, countLines(stderr));
    }

    private static int countLines(String s) {
        String[] parts = s.split("\r?\n", -1);
        return parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
    }
}

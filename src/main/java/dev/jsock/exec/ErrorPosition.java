package dev.jsock.exec;

import dev.jsock.model.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** "The error appears to be in FILE: line L, column C …" with the offending line, as Ansible shows task errors. */
final class ErrorPosition {
    private ErrorPosition() {}

    static String describe(Source src) {
        if (src == null || src.line() <= 0) return "";
        Path file = Path.of(src.file()).toAbsolutePath();
        StringBuilder sb = new StringBuilder("The error appears to be in '").append(file).append("': line ").append(src.line())
                .append(", column ").append(src.column()).append(", but may\nbe elsewhere in the file depending on the exact syntax problem.\n");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (src.line() <= lines.size()) {
                String prev = src.line() >= 2 ? lines.get(src.line() - 2).stripTrailing() : "";
                String line = lines.get(src.line() - 1).stripTrailing();
                sb.append("\nThe offending line appears to be:\n\n").append(prev).append('\n').append(line).append('\n')
                        .append(" ".repeat(Math.max(0, src.column() - 1))).append("^ here\n");
            }
        } catch (IOException | RuntimeException e) {
            // the position alone still says where to look
        }
        return sb.toString();
    }
}

package dev.jsock.lab;

import dev.jsock.model.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs local commands for the lab and turns failures into errors that show the command's own output. */
final class Shell {
    private Shell() {}

    record Result(int exitCode, String output) {}

    /** Runs argv, merging stdout and stderr; never throws on a non-zero exit. */
    static Result run(List<String> argv) {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            int code = p.waitFor();
            return new Result(code, out.join());
        } catch (IOException e) {
            throw error("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error("interrupted while running " + String.join(" ", argv), e);
        }
    }

    /** Runs argv and fails with its output when it exits non-zero. */
    static String check(List<String> argv) {
        Result r = run(argv);
        if (r.exitCode() != 0) {
            throw error("command failed (exit " + r.exitCode() + "): " + String.join(" ", argv) + "\n" + r.output().strip());
        }
        return r.output();
    }

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) return true;
        }
        return false;
    }

    static UserError error(String message) {
        return new UserError(UserError.Kind.GENERAL, null, "lab: " + message);
    }

    static UserError error(String message, Throwable cause) {
        return new UserError(UserError.Kind.GENERAL, null, "lab: " + message, cause);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

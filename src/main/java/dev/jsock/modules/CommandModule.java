package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's command and shell. command never involves a shell on the host: its words (shlex-split
 * or the argv list) are quoted one by one and exec'd. shell hands the text to {@code /bin/sh -c}.
 */
final class CommandModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("_raw_params", "cmd", "argv", "chdir", "creates", "removes", "stdin",
            "stdin_add_newline", "strip_empty_ends", "executable", "_uses_shell", "warn");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    /** Exit status our wrapper uses when chdir fails, told apart from the command's own by the marker on stderr. */
    private static final String CHDIR_MARK = "jsock-chdir-failed";

    private final boolean shell;

    CommandModule(boolean shell) {
        this.shell = shell;
    }

    @Override
    public String name() {
        return shell ? "shell" : "command";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        a.allowOnly(name(), PARAMS);
        String text = a.has("_raw_params") ? a.str("_raw_params") : a.str("cmd");
        boolean hasArgv = !shell && a.has("argv");
        if (hasArgv && text != null) return TaskResult.failed("only command or argv can be given, not both", Map.of());
        if (!hasArgv && (text == null || text.isBlank())) return TaskResult.failed("no command given", Map.of("rc", 256));
        if (shell && a.has("argv")) throw new ModuleArgs.BadArgument("argv is not supported by the shell module");
        List<String> argv = hasArgv ? a.list("argv").stream().map(String::valueOf).toList() : shell ? null : Shlex.split(text);
        Object cmdValue = shell ? text : argv;
        String line = shell ? ShellQuote.join(a.str("executable", "/bin/sh"), "-c", text) : ArgvExpansion.execLine(argv);

        Remote remote = new Remote(ctx);
        String[] skip = skipReason(remote, a);
        if (skip != null) {
            return notRun(cmdValue, "skipped, since " + skip[0] + " " + skip[1], "Did not run command since '" + skip[0] + "' " + skip[1], false, false);
        }
        if (ctx.check()) {
            boolean guarded = a.has("creates") || a.has("removes");
            return notRun(cmdValue, "", "Command would have run if not in check mode", guarded, !guarded);
        }
        if (a.has("chdir")) {
            line = "cd -- " + ShellQuote.quote(a.str("chdir")) + " || { echo " + CHDIR_MARK + " >&2; exit 1; }; " + line;
        }
        byte[] stdin = null;
        if (a.has("stdin")) {
            String in = a.str("stdin") + (a.bool("stdin_add_newline", true) ? "\n" : "");
            stdin = in.getBytes(StandardCharsets.UTF_8);
        }
        LocalDateTime start = LocalDateTime.now();
        CommandResult r = remote.changeThenLook(line, stdin);
        LocalDateTime end = LocalDateTime.now();
        return result(cmdValue, argv, r, start, end, a.bool("strip_empty_ends", true));
    }

    private TaskResult result(Object cmdValue, List<String> argv, CommandResult r, LocalDateTime start, LocalDateTime end, boolean strip) {
        String out = strip ? stripEnds(r.stdout()) : r.stdout();
        String err = strip ? stripEnds(r.stderr()) : r.stderr();
        Map<String, Object> data = base(cmdValue, out, err, r.exitCode());
        if (r.exitCode() == 1 && r.stderr().contains(CHDIR_MARK)) {
            data.put("rc", null);
            data.put("stderr", "");
            data.put("stderr_lines", List.of());
            return TaskResult.failed("Unable to change directory before execution: " + r.stderr().replace(CHDIR_MARK, "").strip(), data);
        }
        if (!shell && r.exitCode() == 127 && (r.stderr().contains("not found") || r.stderr().contains("No such file or directory"))
                && argv != null && !argv.isEmpty()) {
            // Ansible's module could not start it: its failure names the command as one quoted line, with no times
            data.put("cmd", ShellQuote.join(argv));
            data.put("rc", 2);
            data.put("stderr", "");
            data.put("stderr_lines", List.of());
            data.put("stdout", "");
            data.put("stdout_lines", List.of());
            data.remove("start");
            data.remove("end");
            data.remove("delta");
            return TaskResult.failed("[Errno 2] No such file or directory: b'" + argv.get(0) + "'", data);
        }
        data.put("start", start.format(TIME));
        data.put("end", end.format(TIME));
        data.put("delta", delta(Duration.between(start, end)));
        data.put("msg", "");
        if (r.exitCode() != 0) {
            data.put("changed", true); // the command ran, as Ansible reports it
            return TaskResult.failed("non-zero return code", data);
        }
        return TaskResult.changed(data, List.of());
    }

    private static Map<String, Object> base(Object cmdValue, String out, String err, Integer rc) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", cmdValue);
        data.put("rc", rc);
        data.put("stdout", out);
        data.put("stderr", err);
        data.put("stdout_lines", lines(out));
        data.put("stderr_lines", lines(err));
        data.put("start", null);
        data.put("end", null);
        data.put("delta", null);
        return data;
    }

    private static TaskResult notRun(Object cmdValue, String stdout, String msg, boolean changed, boolean skipped) {
        Map<String, Object> data = base(cmdValue, stdout, "", 0);
        data.put("msg", msg);
        if (skipped) {
            data.put("skipped", true);
            return new TaskResult(TaskResult.Status.SKIPPED, msg, data, List.of());
        }
        return TaskResult.of(changed, data, List.of());
    }

    /** {path, "exists" | "does not exist"} when creates/removes say not to run; one remote test for both. */
    private static String[] skipReason(Remote remote, ModuleArgs a) throws UnreachableException {
        if (!a.has("creates") && !a.has("removes")) return null;
        StringBuilder cmd = new StringBuilder("c=0; r=1; ");
        // Ansible changes to chdir first, so relative paths are looked for there
        if (a.has("chdir")) cmd.append("cd -- ").append(ShellQuote.quote(a.str("chdir"))).append(" 2>/dev/null; ");
        // Unquoted "$p" expansion is avoided; glob patterns are matched with ls on purpose (creates accepts globs).
        if (a.has("creates")) cmd.append("for p in ").append(globWords(a.str("creates"))).append("; do [ -e \"$p\" ] && c=1; done; ");
        if (a.has("removes")) cmd.append("r=0; for p in ").append(globWords(a.str("removes"))).append("; do [ -e \"$p\" ] && r=1; done; ");
        cmd.append("echo \"$c$r\"");
        String flags = remote.look(cmd.toString()).stdout().strip();
        if (a.has("creates") && flags.startsWith("1")) return new String[] {a.str("creates"), "exists"};
        if (a.has("removes") && flags.endsWith("0")) return new String[] {a.str("removes"), "does not exist"};
        return null;
    }

    /** A path quoted so only its glob characters stay active: each *, ? and [ ] is left outside the quotes. */
    static String globWords(String path) {
        StringBuilder s = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c == '*' || c == '?') {
                if (lit.length() > 0) s.append(ShellQuote.quote(lit.toString()));
                lit.setLength(0);
                s.append(c);
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0 || s.length() == 0) s.append(ShellQuote.quote(lit.toString()));
        return s.toString();
    }

    static String stripEnds(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
        return s.substring(0, end);
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\r?\n", -1));
    }

    static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        long secs = micros / 1_000_000;
        return String.format("%d:%02d:%02d.%06d", secs / 3600, (secs / 60) % 60, secs % 60, micros % 1_000_000);
    }
}

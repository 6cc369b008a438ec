package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small modules that only run one command on the host: ping (the host answers), raw (a command
 * as written, through the shell), slurp (a file's bytes, base64) and wait_for_connection (the
 * host answers within a timeout; jsock's connection is already up, so it answers at once or the
 * host is unreachable).
 */
final class HostProbeModules {
    private HostProbeModules() {}

    static List<Module> all() {
        return List.of(new Ping(), new Raw(), new Slurp(), new WaitForConnection());
    }

    static final class Ping extends BaseModule {
        @Override
        public String name() {
            return "ping";
        }

        @Override
        public boolean readOnlyWhenUnchanged() {
            return true;
        }

        @Override
        TaskResult execute(ModuleContext ctx) throws UnreachableException {
            ModuleArgs a = ctx.a();
            a.allowOnly("ping", Set.of("data"));
            String data = a.str("data", "pong");
            if (data.equals("crash")) return TaskResult.failed("boom", Map.of());
            CommandResult r = new Remote(ctx).look("true");
            if (!r.ok()) return TaskResult.failed("the host did not answer: " + r.stderr().strip(), Map.of());
            return TaskResult.ok(Map.of("ping", data));
        }
    }

    static final class Raw extends BaseModule {
        @Override
        public String name() {
            return "raw";
        }

        @Override
        TaskResult execute(ModuleContext ctx) throws UnreachableException {
            ModuleArgs a = ctx.a();
            a.allowOnly("raw", Set.of("_raw_params", "executable"));
            String command = a.required("_raw_params");
            // as Ansible's raw action: a command it cannot predict is not run in check mode
            if (ctx.check()) return TaskResult.skipped("Check mode is not supported for this task");
            if (a.has("executable")) command = ShellQuote.quote(a.str("executable")) + " -c " + ShellQuote.quote(command);
            CommandResult r = new Remote(ctx).run(command);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("rc", r.exitCode());
            data.put("stdout", r.stdout());
            data.put("stdout_lines", r.stdoutLines());
            data.put("stderr", r.stderr());
            data.put("stderr_lines", r.stderrLines());
            if (r.exitCode() != 0) {
                data.put("changed", true);
                return TaskResult.failed("non-zero return code", data);
            }
            return TaskResult.changed(data, List.of());
        }
    }

    static final class Slurp extends BaseModule {
        @Override
        public String name() {
            return "slurp";
        }

        @Override
        public boolean readOnlyWhenUnchanged() {
            return true;
        }

        @Override
        TaskResult execute(ModuleContext ctx) throws UnreachableException {
            ModuleArgs a = ctx.a();
            a.allowOnly("slurp", Set.of("src", "path"));
            String src = a.has("src") ? a.str("src") : a.required("path");
            String q = ShellQuote.quote(src);
            CommandResult r = new Remote(ctx).look("if [ -d " + q + " ]; then echo dir; elif [ ! -e " + q + " ]; then echo absent; "
                    + "elif [ ! -r " + q + " ]; then echo unreadable; else echo file; base64 -w0 -- " + q + "; fi");
            String out = r.stdout();
            String kind = out.contains("\n") ? out.substring(0, out.indexOf('\n')) : out.strip();
            return switch (kind) {
                case "dir" -> TaskResult.failed("source is a directory and must be a file", Map.of());
                case "absent" -> TaskResult.failed("file not found: " + src, Map.of());
                case "unreadable" -> TaskResult.failed("file is not readable: " + src, Map.of());
                case "file" -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("content", out.substring(out.indexOf('\n') + 1).strip());
                    data.put("encoding", "base64");
                    data.put("source", src);
                    yield TaskResult.ok(data);
                }
                default -> TaskResult.failed("could not read " + src + ": " + r.stderr().strip(), Map.of());
            };
        }
    }

    static final class WaitForConnection extends BaseModule {
        @Override
        public String name() {
            return "wait_for_connection";
        }

        @Override
        public boolean readOnlyWhenUnchanged() {
            return true;
        }

        @Override
        TaskResult execute(ModuleContext ctx) throws UnreachableException {
            ModuleArgs a = ctx.a();
            a.allowOnly("wait_for_connection", Set.of("timeout", "delay", "sleep", "connect_timeout"));
            long start = System.nanoTime();
            Integer delay = a.integer("delay");
            if (delay != null && delay > 0 && !ctx.check()) {
                try {
                    Thread.sleep(delay * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return TaskResult.failed("interrupted", Map.of());
                }
            }
            CommandResult r = new Remote(ctx).look("true");
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (!r.ok()) return TaskResult.failed("timed out waiting for connection: " + r.stderr().strip(), Map.of("elapsed", elapsed));
            return TaskResult.ok(Map.of("elapsed", elapsed));
        }
    }
}

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
 * Ansible's wait_for for a TCP port or a path. The waiting happens on the host (a short python3
 * loop), so one round trip covers the whole wait and the result does not depend on controller latency.
 */
final class WaitForModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("host", "port", "path", "state", "timeout", "delay", "sleep", "connect_timeout", "msg");

    /** argv: kind host port-or-path state timeout delay sleep connect_timeout; prints elapsed seconds; exit 0 ok, 3 timeout. */
    private static final String SCRIPT = """
            import os, socket, sys, time
            kind, host, target, state = sys.argv[1:5]
            timeout, delay, pause, ct = (float(x) for x in sys.argv[5:9])
            start = time.time()
            time.sleep(delay)
            def present():
                if kind == 'path':
                    return os.path.exists(target)
                try:
                    socket.create_connection((host, int(target)), ct).close()
                    return True
                except OSError:
                    return False
            want = state in ('started', 'present')
            while True:
                if present() == want:
                    print(int(time.time() - start))
                    sys.exit(0)
                if time.time() - start >= timeout:
                    print(int(time.time() - start))
                    sys.exit(3)
                time.sleep(pause)
            """;

    @Override
    public String name() {
        return "wait_for";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        // Ansible's module has no check mode: in --check the task is skipped, saying so
        if (ctx.check()) {
            return new TaskResult(TaskResult.Status.SKIPPED, "", java.util.Map.of("msg", "remote module (wait_for) does not support check mode"), java.util.List.of());
        }
        ModuleArgs a = ctx.a();
        a.allowOnly("wait_for", PARAMS);
        String state = a.choice("state", "started", "absent", "present", "started", "stopped");
        String host = a.str("host", "127.0.0.1");
        Integer port = a.integer("port");
        String path = a.str("path");
        if (port != null && path != null) throw new ModuleArgs.BadArgument("port and path parameter can not both be passed to wait_for");
        if (port == null && path == null) return TaskResult.failed("jsock: wait_for needs port or path (a plain delay is not supported)", Map.of());
        String kind = port != null ? "port" : "path";
        int timeout = a.integer("timeout") == null ? 300 : a.integer("timeout");
        List<String> argv = List.of("python3", "-c", SCRIPT, kind, host, port != null ? port.toString() : path, state,
                String.valueOf(timeout), a.str("delay", "0"), a.str("sleep", "1"), a.str("connect_timeout", "5"));
        CommandResult r = new Remote(ctx).run(ShellQuote.join(argv));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("elapsed", parseElapsed(r.stdout()));
        if (r.exitCode() == 3) return TaskResult.failed(a.str("msg", timeoutMessage(kind, host, port, path, state)), data);
        if (!r.ok()) return TaskResult.failed("wait_for could not run python3 on the host: " + r.stderr().strip(), data);
        data.put("match_groupdict", Map.of());
        data.put("match_groups", List.of());
        data.put("path", path);
        data.put("port", port);
        data.put("search_regex", null);
        data.put("state", state);
        return TaskResult.ok(data);
    }

    static String timeoutMessage(String kind, String host, Integer port, String path, String state) {
        boolean gone = state.equals("stopped") || state.equals("absent");
        if (kind.equals("port")) return "Timeout when waiting for " + host + ":" + port + (gone ? " to stop." : "");
        return gone ? "Timeout when waiting for " + path + " to be absent." : "Timeout when waiting for file " + path;
    }

    private static int parseElapsed(String out) {
        try {
            return Integer.parseInt(out.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's systemd / systemd_service / service module. One remote command runs daemon-reload (if
 * asked) and reads {@code systemctl show} and {@code is-enabled}; {@link SystemdDecision} decides;
 * each resulting verb is one more command, so an unchanged unit costs one round trip.
 */
final class SystemdModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("name", "service", "unit", "state", "enabled", "masked", "daemon_reload",
            "daemon-reload", "daemon_reexec", "daemon-reexec", "scope", "no_block", "force");
    private static final String MARK = "@@jsock-is-enabled";

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    public String name() {
        return "systemd";
    }

    @Override
    public List<String> aliases() {
        return List.of("systemd_service", "service");
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        a.allowOnly("systemd", PARAMS);
        String name = first(a, "name", "service", "unit");
        String state = a.choice("state", null, "reloaded", "restarted", "started", "stopped");
        Boolean enabled = a.bool("enabled");
        Boolean masked = a.bool("masked");
        boolean reload = a.bool("daemon_reload", false) || a.bool("daemon-reload", false);
        boolean reexec = a.bool("daemon_reexec", false) || a.bool("daemon-reexec", false);
        String scope = a.choice("scope", "system", "system", "user", "global");
        if (state == null && enabled == null && masked == null && !reload && !reexec) {
            throw new ModuleArgs.BadArgument("one of the following is required: state, enabled, masked, daemon_reload, daemon_reexec");
        }
        for (String[] need : new String[][] {{"state", state}, {"enabled", str(enabled)}, {"masked", str(masked)}}) {
            if (need[1] != null && name == null) throw new ModuleArgs.BadArgument("missing parameter(s) required by '" + need[0] + "': name");
        }
        if (name != null && (name.contains("*") || name.contains("?") || name.contains("["))) {
            return TaskResult.failed("This module does not currently support using glob patterns, found '*' in service name: " + name, Map.of());
        }
        String systemctl = "systemctl" + (scope.equals("system") ? "" : " --" + scope) + (a.bool("no_block", false) ? " --no-block" : "");
        Remote remote = new Remote(ctx);
        boolean reloads = (reload || reexec) && !ctx.check();
        String gather = gatherCommand(systemctl, name, reload && !ctx.check(), reexec && !ctx.check());
        // a plain look at a unit may come from the batch the coming tasks were read in; a reload
        // changes what systemd reports, so it runs here and what was read before is forgotten
        CommandResult r = reloads || name == null ? remote.run(gather) : ctx.files().read(remote, ctx.become(), gather);
        if (reloads) ctx.files().clear();
        if (r.stdout().startsWith("@@jsock-failed ")) {
            String what = r.stdout().substring("@@jsock-failed ".length()).strip();
            return TaskResult.failed("failure " + r.exitCode() + " during " + what + ": " + r.stderr(), Map.of());
        }
        if (name == null) return TaskResult.ok(Map.of());
        SystemdDecision.Plan plan = SystemdDecision.decide(new SystemdDecision.Wish(name, state, enabled, masked), facts(r.stdout()));
        // Ansible's module fails with its message alone (no status dump)
        if (plan.failure() != null) return TaskResult.failed(plan.failure(), Map.of());
        if (ctx.check() || plan.actions().isEmpty()) return TaskResult.of(plan.changed(), plan.result(), List.of());
        for (SystemdDecision.Action act : plan.actions()) {
            CommandResult done = remote.changeThenLook(systemctl + " " + act.verb() + " -- " + ShellQuote.quote(name), null);
            if (!done.ok()) {
                String detail = act.purpose().equals("state") ? done.stderr() : done.stdout() + done.stderr();
                return TaskResult.failed("Unable to " + act.verb() + " service " + name + ": " + detail, Map.of());
            }
        }
        return TaskResult.changed(plan.result(), List.of());
    }

    /** daemon-reload/reexec first (their failure is reported by name), then show and is-enabled in the same call. */
    static String gatherCommand(String systemctl, String name, boolean reload, boolean reexec) {
        List<String> parts = new ArrayList<>();
        if (reload) parts.add(systemctl + " daemon-reload || { rc=$?; echo '@@jsock-failed daemon-reload'; exit $rc; }");
        if (reexec) parts.add(systemctl + " daemon-reexec || { rc=$?; echo '@@jsock-failed daemon-reexec'; exit $rc; }");
        if (name != null) {
            String q = ShellQuote.quote(name);
            parts.add(systemctl + " show -- " + q + "; echo '" + MARK + "'; " + systemctl + " is-enabled -l -- " + q + " 2>/dev/null; echo \"rc=$?\"");
        }
        return String.join("; ", parts);
    }

    /** Splits the gather output into show properties and the is-enabled answer. */
    static SystemdDecision.Facts facts(String out) {
        int m = out.lastIndexOf(MARK + "\n");
        String show = m < 0 ? out : out.substring(0, m);
        String tail = m < 0 ? "" : out.substring(m + MARK.length() + 1);
        List<String> lines = new ArrayList<>(List.of(tail.split("\n")));
        lines.removeIf(String::isEmpty);
        int rc = 1;
        if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("rc=")) {
            rc = Integer.parseInt(lines.remove(lines.size() - 1).substring(3).strip());
        }
        return new SystemdDecision.Facts(SystemctlShow.parse(show), List.copyOf(lines), rc);
    }

    private static String first(ModuleArgs a, String... keys) {
        for (String k : keys) if (a.has(k)) return a.str(k);
        return null;
    }

    private static String str(Boolean b) {
        return b == null ? null : b.toString();
    }
}

package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ansible's apt (and package on Debian): install or remove with apt-get, non-interactively. What is
 * installed is read with dpkg-query first, so a satisfied wish costs one command and changes nothing;
 * the cache is updated only when asked.
 */
final class AptModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("name", "pkg", "package", "state", "update_cache", "update-cache", "purge",
            "install_recommends", "cache_valid_time", "use");
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.:=~*-]*");
    private static final String APT = "env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold";

    @Override
    public String name() {
        return "apt";
    }

    @Override
    public List<String> aliases() {
        return List.of("package");
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        a.allowOnly("apt", PARAMS);
        String key = a.has("name") ? "name" : a.has("pkg") ? "pkg" : "package";
        List<String> names = a.list(key).stream().map(o -> String.valueOf(o).strip()).filter(s -> !s.isEmpty()).toList();
        for (String n : names) if (!PACKAGE.matcher(n).matches()) throw new ModuleArgs.BadArgument("invalid package name: " + n);
        String state = a.choice("state", "present", "absent", "latest", "present");
        boolean update = a.bool("update_cache", false) || a.bool("update-cache", false);
        if (names.isEmpty() && !update) throw new ModuleArgs.BadArgument("one of the following is required: name, package, upgrade, update_cache, deb, autoremove, autoclean");
        Remote remote = new Remote(ctx);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cache_updated", false);
        if (update && !ctx.check()) {
            CommandResult u = remote.run(APT + " update");
            if (!u.ok()) return TaskResult.failed("Failed to update apt cache: " + u.stderr().strip(), data);
            data.put("cache_updated", true);
        }
        if (names.isEmpty()) return TaskResult.ok(data);
        Set<String> installed = installed(remote, names);
        List<String> todo = new ArrayList<>();
        for (String n : names) {
            boolean has = installed.contains(n.split("[=:]")[0]);
            if (state.equals("absent") ? has : !has || state.equals("latest")) todo.add(n);
        }
        if (state.equals("latest") && !todo.isEmpty() && nothingToUpgrade(remote, todo)) todo.clear();
        if (todo.isEmpty()) return TaskResult.ok(data);
        if (ctx.check()) return TaskResult.changed(data, List.of());
        String verb = state.equals("absent") ? (a.bool("purge", false) ? "remove --purge" : "remove")
                : "install" + (Boolean.FALSE.equals(a.bool("install_recommends")) ? " --no-install-recommends" : "");
        CommandResult r = remote.run(APT + " " + verb + " " + ShellQuote.join(todo));
        data.put("stdout", r.stdout());
        data.put("stderr", r.stderr());
        if (!r.ok()) {
            String missing = unavailable(r.stderr());
            String msg = missing != null ? "No package matching '" + missing + "' is available"
                    : "'apt-get " + verb + " " + String.join(" ", todo) + "' failed: " + r.stderr();
            data.put("rc", r.exitCode());
            return TaskResult.failed(msg, data);
        }
        return TaskResult.changed(data, List.of());
    }

    private static Set<String> installed(Remote remote, List<String> names) throws UnreachableException {
        List<String> bare = names.stream().map(n -> n.split("[=:]")[0]).toList();
        CommandResult r = remote.run("dpkg-query -W -f='${Package} ${db:Status-Status}\\n' " + ShellQuote.join(bare) + " 2>/dev/null");
        return parseInstalled(r.stdout());
    }

    /** Package names whose dpkg status is "installed" in {@code dpkg-query -W -f='${Package} ${db:Status-Status}\n'} output. */
    static Set<String> parseInstalled(String out) {
        Set<String> s = new java.util.HashSet<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 2 && f[1].equals("installed")) s.add(f[0]);
        }
        return s;
    }

    private static boolean nothingToUpgrade(Remote remote, List<String> pkgs) throws UnreachableException {
        CommandResult r = remote.run(APT + " -s install " + ShellQuote.join(pkgs));
        return r.ok() && ("\n" + r.stdout()).contains("\n0 upgraded, 0 newly installed");
    }

    static String unavailable(String stderr) {
        for (String marker : List.of("Unable to locate package ", "has no installation candidate")) {
            int i = stderr.indexOf(marker);
            if (i < 0) continue;
            if (marker.startsWith("Unable")) {
                String rest = stderr.substring(i + marker.length());
                int nl = rest.indexOf('\n');
                return (nl < 0 ? rest : rest.substring(0, nl)).strip();
            }
        }
        return null;
    }
}

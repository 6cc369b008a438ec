package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ansible's user module for local accounts: one getent+id call to read, useradd / usermod / userdel to change. */
final class UserModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("name", "state", "system", "shell", "home", "create_home", "createhome", "groups",
            "append", "group", "uid", "comment", "remove", "force", "move_home", "local");

    /** A passwd entry plus supplementary group names. */
    record Account(String name, int uid, int gid, String comment, String home, String shell, String primaryGroup, Set<String> groups) {}

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    public String name() {
        return "user";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        String name = a.required("name");
        a.allowOnly("user", PARAMS);
        String state = a.choice("state", "present", "absent", "present");
        Remote remote = new Remote(ctx);
        Account acct = parse(ctx.files().read(remote, ctx.become(), readCommand(name)).stdout());
        if (state.equals("absent")) return absent(ctx, remote, name, acct, a.bool("remove", false));
        List<String> cmd = acct == null ? useradd(a, name) : usermod(a, acct);
        Map<String, Object> data = new LinkedHashMap<>();
        if (cmd.isEmpty()) return TaskResult.ok(describe(a, name, acct, data));
        if (ctx.check()) return TaskResult.changed(acct == null ? Map.of() : describe(a, name, acct, data), List.of());
        CommandResult r = remote.changeThenLook(ShellQuote.join(cmd) + " && { " + readCommand(name) + "; }", null);
        if (!r.ok()) return TaskResult.failed(r.stderr().strip(), Map.of("name", name));
        Account after = parse(r.stdout());
        if (acct == null) {
            data.put("create_home", a.bool("create_home", a.bool("createhome", true)));
            data.put("system", a.bool("system", false));
        }
        return TaskResult.changed(describe(a, name, after, data), List.of());
    }

    private static TaskResult absent(ModuleContext ctx, Remote remote, String name, Account acct, boolean remove) throws UnreachableException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("state", "absent");
        if (acct == null) return TaskResult.ok(data);
        data.put("force", false);
        data.put("remove", remove);
        if (ctx.check()) return TaskResult.changed(data, List.of());
        List<String> cmd = new ArrayList<>(List.of("userdel"));
        if (remove) cmd.add("-r");
        cmd.add(name);
        CommandResult r = remote.run(ShellQuote.join(cmd));
        return r.ok() ? TaskResult.changed(data, List.of()) : TaskResult.failed(r.stderr().strip(), data);
    }

    static String readCommand(String name) {
        String q = ShellQuote.quote(name);
        return "getent passwd " + q + " && printf 'groups=%s\\n' \"$(id -Gn " + q + ")\"";
    }

    private static List<String> useradd(ModuleArgs a, String name) {
        List<String> cmd = new ArrayList<>(List.of("useradd"));
        if (a.bool("system", false)) cmd.add("-r");
        opt(cmd, "-u", a.str("uid"));
        opt(cmd, "-g", a.str("group"));
        List<String> groups = groups(a);
        if (!groups.isEmpty()) opt(cmd, "-G", String.join(",", groups));
        opt(cmd, "-s", a.str("shell"));
        opt(cmd, "-d", a.str("home"));
        opt(cmd, "-c", a.str("comment"));
        cmd.add(a.bool("create_home", a.bool("createhome", true)) ? "-m" : "-M");
        cmd.add(name);
        return cmd;
    }

    private static List<String> usermod(ModuleArgs a, Account acct) {
        List<String> cmd = new ArrayList<>(List.of("usermod"));
        if (a.has("uid") && a.integer("uid") != acct.uid()) opt(cmd, "-u", a.str("uid"));
        if (a.has("shell") && !a.str("shell").equals(acct.shell())) opt(cmd, "-s", a.str("shell"));
        if (a.has("home") && !a.str("home").equals(acct.home())) opt(cmd, "-d", a.str("home"));
        if (a.has("comment") && !a.str("comment").equals(acct.comment())) opt(cmd, "-c", a.str("comment"));
        String group = a.str("group");
        if (group != null && !group.equals(acct.primaryGroup()) && !group.equals(String.valueOf(acct.gid()))) opt(cmd, "-g", group);
        if (a.has("groups")) {
            Set<String> wanted = new LinkedHashSet<>(groups(a));
            boolean append = a.bool("append", false);
            boolean differs = append ? !acct.groups().containsAll(wanted) : !acct.groups().equals(wanted);
            if (differs) {
                if (append) cmd.add("-a");
                opt(cmd, "-G", String.join(",", wanted));
            }
        }
        if (cmd.size() == 1) return List.of();
        cmd.add(acct.name());
        return cmd;
    }

    private static Map<String, Object> describe(ModuleArgs a, String name, Account acct, Map<String, Object> data) {
        if (a.has("append")) data.put("append", a.bool("append", false));
        data.put("comment", acct == null ? "" : acct.comment());
        data.put("group", acct == null ? null : acct.gid());
        if (a.has("groups")) data.put("groups", String.join(",", groups(a)));
        data.put("home", acct == null ? null : acct.home());
        data.put("name", name);
        data.put("shell", acct == null ? null : acct.shell());
        data.put("state", "present");
        data.put("uid", acct == null ? null : acct.uid());
        return data;
    }

    private static List<String> groups(ModuleArgs a) {
        return a.list("groups").stream().map(o -> String.valueOf(o).strip()).filter(s -> !s.isEmpty()).toList();
    }

    private static void opt(List<String> cmd, String flag, String value) {
        if (value == null) return;
        cmd.add(flag);
        cmd.add(value);
    }

    /** Parses {@link #readCommand} output; null when the user does not exist. Supplementary groups exclude the primary one. */
    static Account parse(String out) {
        String[] lines = out.split("\n");
        if (lines.length == 0 || lines[0].isBlank()) return null;
        String[] f = lines[0].split(":", -1);
        if (f.length < 7) return null;
        Set<String> groups = new LinkedHashSet<>();
        for (String line : lines) {
            if (line.startsWith("groups=")) groups.addAll(List.of(line.substring(7).strip().split("\\s+")));
        }
        groups.remove("");
        List<String> all = new ArrayList<>(groups);
        String primary = all.isEmpty() ? null : all.remove(0); // id -Gn lists the primary group first
        return new Account(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4], f[5], f[6], primary, new LinkedHashSet<>(all));
    }
}

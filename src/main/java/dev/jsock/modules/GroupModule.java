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

/** Ansible's group module via getent / groupadd / groupmod / groupdel. */
final class GroupModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("name", "state", "system", "gid", "local", "non_unique");

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    public String name() {
        return "group";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        String name = a.required("name");
        a.allowOnly("group", PARAMS);
        String state = a.choice("state", "present", "absent", "present");
        boolean system = a.bool("system", false);
        Integer gid = a.integer("gid");
        Remote remote = new Remote(ctx);
        String q = ShellQuote.quote(name);
        Integer current = parseGid(remote.run("getent group " + q).stdout());
        Map<String, Object> data = new LinkedHashMap<>();
        if (state.equals("absent")) {
            data.put("name", name);
            data.put("state", "absent");
            if (current == null) return TaskResult.ok(data);
            if (ctx.check()) return TaskResult.changed(data, List.of());
            CommandResult r = remote.run("groupdel " + q);
            return r.ok() ? TaskResult.changed(data, List.of()) : TaskResult.failed(r.stderr().strip(), data);
        }
        List<String> cmd = new ArrayList<>();
        if (current == null) {
            cmd.add("groupadd");
            if (system) cmd.add("-r");
        } else if (gid != null && !gid.equals(current)) {
            cmd.add("groupmod");
        }
        if (!cmd.isEmpty() && gid != null) cmd.addAll(List.of("-g", String.valueOf(gid)));
        data.put("gid", current);
        data.put("name", name);
        data.put("state", "present");
        data.put("system", system);
        if (cmd.isEmpty()) return TaskResult.ok(data);
        cmd.add(name);
        if (ctx.check()) return TaskResult.changed(data, List.of());
        CommandResult r = remote.run(ShellQuote.join(cmd) + " && getent group " + q);
        if (!r.ok()) return TaskResult.failed(r.stderr().strip(), data);
        data.put("gid", parseGid(r.stdout()));
        return TaskResult.changed(data, List.of());
    }

    /** The gid from a {@code getent group} line (name:x:gid:members), or null when there is none. */
    static Integer parseGid(String out) {
        String[] f = out.strip().split(":", -1);
        return f.length >= 3 && !f[2].isEmpty() ? Integer.valueOf(f[2]) : null;
    }
}

package dev.jsock.exec;

import dev.jsock.model.Task;
import dev.jsock.model.TaskResult;
import dev.jsock.modules.Module;
import dev.jsock.modules.ModuleArgs;
import dev.jsock.modules.ModuleContext;
import dev.jsock.modules.RemoteFileCache;
import dev.jsock.template.TemplateException;
import dev.jsock.transport.Become;
import dev.jsock.transport.Connection;
import dev.jsock.transport.UnreachableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out the action of one task execution: controller-side actions (debug, set_fact, assert,
 * fail) here via {@link LocalActions}, host modules through the registry and the host's connection.
 */
final class ActionRunner {
    private final PlayContext pc;
    private final LocalActions local;

    ActionRunner(PlayContext pc) {
        this.pc = pc;
        this.local = new LocalActions(pc.templar(), pc.includes()::loadVars, pc.listener()::warning);
    }

    TaskResult run(HostState hs, Task task, Scope scope, Map<String, Object> vars) {
        if (LocalActions.handles(task.action())) {
            return local.run(hs, task, vars, pc.request().verbosity());
        }
        Map<String, Object> args = templatedArgs(task, vars);
        if (!pc.mode().live()) return render(hs, task, scope, args, vars);
        Optional<Module> module = pc.modules().find(task.action());
        if (module.isEmpty()) {
            return TaskResult.failed("couldn't resolve module/action '" + task.action() + "'", Map.of());
        }
        try {
            pc.forks().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TaskResult.failed("interrupted", Map.of());
        }
        try {
            Connection raw = connectionFor(hs, task, vars);
            if (pc.request().verbosity() >= 3) {
                boolean noLog = task.noLog() != null && bool(task.noLog(), vars);
                raw = new TracedConnection(raw, pc.listener(), SecretMask.secretValues(vars), noLog);
            }
            Connection conn = new BecomeCheckedConnection(withEnvironment(raw, task, vars));
            boolean check = pc.request().check();
            if (task.checkMode() != null) check = bool(task.checkMode(), vars);
            boolean diff = pc.request().diff();
            // the cache describes the host as its own connection sees it; a delegated task, or one
            // with an environment of its own, looks for itself
            RemoteFileCache files = task.delegateTo() == null && task.environment() == null ? hs.files : RemoteFileCache.none();
            ModuleContext ctx = new ModuleContext(hs.name(), args, conn, become(task, vars), check, diff,
                    (kind, name) -> findSource(scope, task, kind, name, vars),
                    file -> renderTemplateFile(file, vars), files);
            TaskResult result = module.get().run(ctx);
            if (result.changed() || result.failed() || !module.get().readOnlyWhenUnchanged()) hs.files.clearAfterTask();
            return result;
        } catch (UnreachableException e) {
            hs.files.clear();
            hs.closeConnection();
            return TaskResult.unreachable(e.getMessage());
        } catch (ModuleArgs.BadArgument | BecomeCheckedConnection.Refused e) {
            return TaskResult.failed(e.getMessage(), Map.of());
        } finally {
            pc.forks().release();
        }
    }

    private Connection withEnvironment(Connection conn, Task task, Map<String, Object> vars) {
        if (task.environment() == null) return conn;
        Object env = pc.templar().template(task.environment(), vars);
        if (!(env instanceof Map<?, ?> m)) throw new ModuleArgs.BadArgument("environment must be a dictionary, got: " + pc.templar().toText(env));
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) strings.put(String.valueOf(e.getKey()), pc.templar().toText(e.getValue()));
        return strings.isEmpty() ? conn : new EnvConnection(conn, strings);
    }

    /** The host's own connection, or with delegate_to the delegated host's (its inventory vars, or local for localhost). */
    private Connection connectionFor(HostState hs, Task task, Map<String, Object> vars) throws UnreachableException {
        if (task.delegateTo() == null) return hs.connection(pc.connections(), vars);
        String delegate = pc.templar().toText(pc.templar().template(task.delegateTo(), vars));
        if (delegate.equals(hs.name())) return hs.connection(pc.connections(), vars);
        dev.jsock.model.Host h = pc.inventory().host(delegate);
        Map<String, Object> dv = new LinkedHashMap<>();
        if (h != null) {
            dv.putAll(dev.jsock.vars.InventoryVars.of(pc.inventory(), h));
        } else if (dev.jsock.inventory.InventoryLoader.isLocalhostName(delegate)) {
            dv.put("ansible_connection", "local");
        } else {
            dv.put("ansible_host", delegate);
        }
        return hs.delegateConnection(delegate, pc.connections(), dv);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> templatedArgs(Task task, Map<String, Object> vars) {
        Object t = pc.templar().template(task.args(), vars);
        Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) t);
        args.values().removeIf(VarsResolver.OMIT::equals);
        // copy writes a dict or list given as content as JSON, as Ansible's copy action does
        if (task.action().equals("copy") && (args.get("content") instanceof Map || args.get("content") instanceof List)) {
            args.put("content", pc.templar().toJson(args.get("content")));
        }
        return args;
    }

    private Become become(Task task, Map<String, Object> vars) {
        Object raw = task.become() != null ? task.become() : pc.play().become();
        if (raw == null) raw = vars.get("ansible_become");
        if (raw == null || !bool(raw, vars)) return Become.NONE;
        Object user = task.becomeUser() != null ? task.becomeUser() : pc.play().becomeUser();
        if (user == null) user = vars.get("ansible_become_user");
        Object password = vars.get("ansible_become_password");
        if (password == null) password = vars.get("ansible_become_pass");
        String u = user == null ? "root" : String.valueOf(pc.templar().template(user, vars));
        String p = password == null ? null : String.valueOf(pc.templar().template(password, vars));
        // Logged in as the target user already (root over SSH, typically): sudo would add nothing but a
        // process, a round of PAM and its warnings on stderr.
        Object login = vars.getOrDefault("ansible_user", vars.getOrDefault("ansible_ssh_user", vars.get("ansible_remote_user")));
        if (login == null && "local".equals(String.valueOf(vars.get("ansible_connection")))) login = System.getProperty("user.name");
        if (login != null && u.equals(String.valueOf(pc.templar().template(login, vars)))) return Become.NONE;
        return new Become(true, u, p);
    }

    private boolean bool(Object raw, Map<String, Object> vars) {
        Object v = pc.templar().template(raw, vars);
        return v != null && ModuleArgs.toBool("become", v);
    }

    /** Ansible's search order: the role's templates/ or files/, the role dir, then the playbook's. */
    private Optional<Path> findSource(Scope scope, Task task, String kind, String name, Map<String, Object> vars) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return Files.exists(p) ? Optional.of(p) : Optional.empty();
        // a task brought in by import_role carries its role; the scope knows roles: and include_role
        dev.jsock.model.Role role = task.role() != null ? task.role() : scope.role();
        for (Path base : new Path[] {role != null ? role.dir() : null, scope.baseDir(), pc.playbookDir()}) {
            if (base == null) continue;
            for (Path c : new Path[] {base.resolve(kind).resolve(name), base.resolve(name)}) {
                // copy's src may be a directory ("conf.d/" copies what is in it)
                if (Files.isRegularFile(c) || (kind.equals("files") && Files.isDirectory(c))) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private String renderTemplateFile(Path file, Map<String, Object> vars) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, Object> tv = new LinkedHashMap<>(vars);
            tv.put("template_path", file.toString());
            tv.put("template_host", hostName());
            tv.put("template_uid", "root");
            tv.put("template_fullpath", file.toAbsolutePath().toString());
            tv.put("template_destpath", String.valueOf(vars.getOrDefault("__dest", "")));
            tv.put("ansible_managed", "Ansible managed");
            return pc.templar().renderFile(text, file.toString(), tv);
        } catch (IOException e) {
            throw new TemplateException("could not read template " + file + ": " + e.getMessage(), null);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** jsock render: capture what template/copy would write; anything else needs the host. */
    private TaskResult render(HostState hs, Task task, Scope scope, Map<String, Object> args, Map<String, Object> vars) {
        String action = task.action();
        if (!action.equals("template") && !action.equals("copy")) {
            return TaskResult.skipped("not evaluated: '" + action + "' needs the host");
        }
        String dest = args.get("dest") == null ? null : String.valueOf(args.get("dest"));
        if (dest == null) return TaskResult.failed("missing required arguments: dest", Map.of());
        String content;
        if (action.equals("copy") && args.containsKey("content")) {
            Object c = args.get("content");
            content = c instanceof String s ? s : pc.templar().toText(c);
        } else {
            String src = args.get("src") == null ? null : String.valueOf(args.get("src"));
            if (src == null) return TaskResult.failed("missing required arguments: src", Map.of());
            String kind = action.equals("template") ? "templates" : "files";
            Optional<Path> file = findSource(scope, task, kind, src, vars);
            if (file.isEmpty()) return TaskResult.failed("Could not find or access '" + src + "'", Map.of());
            if (action.equals("template")) {
                content = renderTemplateFile(file.get(), vars);
            } else {
                try {
                    content = Files.readString(file.get(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return TaskResult.failed("Could not read '" + src + "': " + e.getMessage(), Map.of());
                }
            }
        }
        pc.mode().captured(hs.name(), dest, content);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dest", dest);
        return TaskResult.changed(data, java.util.List.of());
    }
}

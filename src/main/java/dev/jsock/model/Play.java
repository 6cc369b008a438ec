package dev.jsock.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One play. {@code hosts} is the raw host pattern (may be templated). vars_files are already read
 * into {@code varsFilesVars} in order, unless their names need templating, in which case the
 * loader keeps them in {@code varsFiles} for run time.
 */
public record Play(
        String name,
        String hosts,
        Map<String, Object> vars,
        List<Object> varsFiles,
        Object become,
        Object becomeUser,
        Object gatherFacts,
        Object serial,
        Object anyErrorsFatal,
        List<Task> preTasks,
        List<RoleRef> roles,
        List<Task> tasks,
        List<Task> postTasks,
        List<Task> handlers,
        List<String> tags,
        Path baseDir,
        Source source,
        Object environment) {

    /** A play without an environment of its own. */
    public Play(String name, String hosts, Map<String, Object> vars, List<Object> varsFiles, Object become, Object becomeUser,
                Object gatherFacts, Object serial, Object anyErrorsFatal, List<Task> preTasks, List<RoleRef> roles, List<Task> tasks,
                List<Task> postTasks, List<Task> handlers, List<String> tags, Path baseDir, Source source) {
        this(name, hosts, vars, varsFiles, become, becomeUser, gatherFacts, serial, anyErrorsFatal, preTasks, roles, tasks, postTasks,
                handlers, tags, baseDir, source, null);
    }

    public Play {
        vars = Maps.copy(vars);
        varsFiles = List.copyOf(varsFiles);
        preTasks = List.copyOf(preTasks);
        roles = List.copyOf(roles);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
        tags = List.copyOf(tags);
    }

    /** The name Ansible prints in "PLAY [...]": the play name, else the host pattern. */
    public String displayName() {
        return name != null ? name : hosts;
    }
}

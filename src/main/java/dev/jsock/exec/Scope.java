package dev.jsock.exec;

import dev.jsock.model.Role;
import dev.jsock.model.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a task inherits from the blocks, roles and includes around it: the role (for its vars and
 * files), role parameters, vars layers (outermost first), tags and conditions.
 */
record Scope(Role role, Map<String, Object> roleParams, List<Map<String, Object>> vars, List<String> tags,
        List<Object> whens, Path baseDir, boolean handler) {

    Scope {
        roleParams = dev.jsock.model.Maps.copy(roleParams);
        vars = List.copyOf(vars);
        tags = List.copyOf(tags);
        whens = List.copyOf(whens);
    }

    static Scope play(Path baseDir, List<String> playTags, boolean handler) {
        return new Scope(null, Map.of(), List.of(), playTags, List.of(), baseDir, handler);
    }

    Scope withRole(Role newRole, Map<String, Object> params, List<Object> moreWhens, List<String> moreTags) {
        return new Scope(newRole, params, vars, concat(tags, moreTags), concat(whens, moreWhens), newRole.dir(), handler);
    }

    /** Entering a block or include: its vars, tags and conditions apply to every task inside. */
    Scope enter(Task parent) {
        List<Map<String, Object>> v = new ArrayList<>(vars);
        if (!parent.vars().isEmpty()) v.add(parent.vars());
        return new Scope(role, roleParams, v, concat(tags, parent.tags()), concat(whens, parent.when()), baseDir, handler);
    }

    /** Entering a dynamic include: its vars and tags apply inside, its when was checked once at the include. */
    Scope enterInclude(Task include) {
        List<Map<String, Object>> v = new ArrayList<>(vars);
        if (!include.vars().isEmpty()) v.add(include.vars());
        return new Scope(role, roleParams, v, concat(tags, include.tags()), whens, baseDir, handler);
    }

    /** One more vars layer, innermost (a loop item of an include). */
    Scope withVars(Map<String, Object> more) {
        List<Map<String, Object>> v = new ArrayList<>(vars);
        v.add(more);
        return new Scope(role, roleParams, v, tags, whens, baseDir, handler);
    }

    /** The task's effective tags: its own plus every inherited one. */
    List<String> tagsOf(Task task) {
        return concat(tags, task.tags());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) return a;
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

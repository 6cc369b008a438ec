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
        List<Object> whens, Path baseDir, boolean handler, Keywords keywords) {

    /**
     * The keywords a block passes to the tasks inside that do not set them (Ansible's inherited
     * attributes): an inner block's own value wins over an outer one's.
     */
    record Keywords(Object ignoreErrors, Object become, Object becomeUser, Object noLog, Object checkMode,
                    String delegateTo, Object runOnce, Object environment) {
        static final Keywords NONE = new Keywords(null, null, null, null, null, null, null, null);

        Keywords under(Task block) {
            return new Keywords(or(block.ignoreErrors(), ignoreErrors), or(block.become(), become), or(block.becomeUser(), becomeUser),
                    or(block.noLog(), noLog), or(block.checkMode(), checkMode), or(block.delegateTo(), delegateTo),
                    or(block.runOnce(), runOnce), mergedEnvironment(block.environment(), environment));
        }

        /** A play's or block's environment: the task's own entries over the inherited ones, as Ansible merges them. */
        @SuppressWarnings("unchecked")
        static Object mergedEnvironment(Object own, Object inherited) {
            if (own instanceof Map<?, ?> o && inherited instanceof Map<?, ?> i) {
                Map<String, Object> m = new java.util.LinkedHashMap<>((Map<String, Object>) i);
                m.putAll((Map<String, Object>) o);
                return m;
            }
            return or(own, inherited);
        }

        /** {@code task} with what it does not set itself taken from here. */
        Task applyTo(Task t) {
            if (equals(NONE)) return t;
            return new Task(t.name(), t.action(), t.args(), t.when(), t.loop(), t.loopVar(), t.register(), t.notifies(), t.listen(),
                    t.changedWhen(), t.failedWhen(), or(t.ignoreErrors(), ignoreErrors), t.tags(), t.vars(), or(t.become(), become),
                    or(t.becomeUser(), becomeUser), or(t.noLog(), noLog), or(t.checkMode(), checkMode), or(t.delegateTo(), delegateTo),
                    or(t.runOnce(), runOnce), t.until(), t.retries(), t.delay(), t.loopLabel(), t.loopExtras(),
                    mergedEnvironment(t.environment(), environment),
                    t.block(), t.rescue(), t.always(), t.role(), t.baseDir(), t.source());
        }

        private static <T> T or(T own, T inherited) {
            return own != null ? own : inherited;
        }
    }

    Scope {
        keywords = keywords == null ? Keywords.NONE : keywords;
        roleParams = dev.jsock.model.Maps.copy(roleParams);
        vars = List.copyOf(vars);
        tags = List.copyOf(tags);
        whens = List.copyOf(whens);
    }

    static Scope play(Path baseDir, List<String> playTags, boolean handler) {
        return new Scope(null, Map.of(), List.of(), playTags, List.of(), baseDir, handler, Keywords.NONE);
    }

    /** The play's own environment under every task of it (handlers too). */
    Scope withEnvironment(Object environment) {
        if (environment == null) return this;
        Keywords k = new Keywords(keywords.ignoreErrors(), keywords.become(), keywords.becomeUser(), keywords.noLog(),
                keywords.checkMode(), keywords.delegateTo(), keywords.runOnce(), environment);
        return new Scope(role, roleParams, vars, tags, whens, baseDir, handler, k);
    }

    Scope withRole(Role newRole, Map<String, Object> params, List<Object> moreWhens, List<String> moreTags) {
        return new Scope(newRole, params, vars, concat(tags, moreTags), concat(whens, moreWhens), newRole.dir(), handler, keywords);
    }

    /** Entering a block: its vars, tags, conditions and keywords apply to every task inside. */
    Scope enter(Task parent) {
        List<Map<String, Object>> v = new ArrayList<>(vars);
        if (!parent.vars().isEmpty()) v.add(parent.vars());
        return new Scope(role, roleParams, v, concat(tags, parent.tags()), concat(whens, parent.when()), baseDir, handler,
                keywords.under(parent));
    }

    /**
     * Entering a dynamic include (include_tasks, include_role): its vars apply inside; its when was
     * checked once at the include, and its tags and keywords are the include's own, as in Ansible
     * (a tagged include runs with -t, the untagged tasks it brings in do not).
     */
    Scope enterInclude(Task include) {
        List<Map<String, Object>> v = new ArrayList<>(vars);
        if (!include.vars().isEmpty()) v.add(include.vars());
        return new Scope(role, roleParams, v, tags, whens, baseDir, handler, keywords);
    }

    /** One more vars layer, innermost (a loop item of an include). */
    Scope withVars(Map<String, Object> more) {
        List<Map<String, Object>> v = new ArrayList<>(vars);
        v.add(more);
        return new Scope(role, roleParams, v, tags, whens, baseDir, handler, keywords);
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

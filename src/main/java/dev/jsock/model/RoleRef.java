package dev.jsock.model;

import java.util.List;
import java.util.Map;

/** A role named in a play's {@code roles:} list, with the parameters, tags and conditions given there. */
public record RoleRef(Role role, Map<String, Object> params, List<Object> when, List<String> tags, Source source) {
    public RoleRef {
        params = Maps.copy(params);
        when = List.copyOf(when);
        tags = List.copyOf(tags);
    }
}

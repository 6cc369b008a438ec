package dev.jsock.template;

import java.util.AbstractList;
import java.util.List;

/** A read-only view of a raw list whose items are templated when read. */
final class LazyList extends AbstractList<Object> {
    private final List<?> raw;
    private final RenderSession session;

    LazyList(List<?> raw, RenderSession session) {
        this.raw = raw;
        this.session = session;
    }

    @Override
    public Object get(int index) {
        return session.materialize(raw.get(index));
    }

    @Override
    public int size() {
        return raw.size();
    }
}

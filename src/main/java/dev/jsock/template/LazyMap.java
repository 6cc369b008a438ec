package dev.jsock.template;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** A read-only view of a raw map whose values are templated when read, as Ansible templates variables lazily. */
final class LazyMap extends AbstractMap<Object, Object> {
    private final Map<?, ?> raw;
    private final RenderSession session;

    LazyMap(Map<?, ?> raw, RenderSession session) {
        this.raw = raw;
        this.session = session;
    }

    @Override
    public Object get(Object key) {
        return raw.containsKey(key) ? session.materialize(raw.get(key)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return raw.containsKey(key);
    }

    @Override
    public int size() {
        return raw.size();
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Object, Object>> iterator() {
                Iterator<? extends Entry<?, ?>> it = raw.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<Object, Object> next() {
                        Entry<?, ?> e = it.next();
                        return new SimpleImmutableEntry<>(e.getKey(), session.materialize(e.getValue()));
                    }
                };
            }

            @Override
            public int size() {
                return raw.size();
            }
        };
    }
}

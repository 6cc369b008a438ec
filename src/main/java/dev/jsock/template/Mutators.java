package dev.jsock.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's methods that change a list or dict in place ({% set _ = l.append(x) %}), done on the
 * Java list or map itself. A template's own [] and {} can change; a variable's value cannot, and
 * the caller turns Java's refusal into a message.
 */
final class Mutators {
    private Mutators() {}

    @SuppressWarnings("unchecked")
    static Object call(Object base, String name, Object[] args) {
        if (base instanceof List<?> raw) {
            List<Object> l = (List<Object>) raw;
            switch (name) {
                case "append" -> l.add(arg(args, 0));
                case "extend" -> l.addAll(iterable(arg(args, 0)));
                case "insert" -> l.add(Math.max(0, Math.min(l.size(), index(arg(args, 0), l.size()))), arg(args, 1));
                case "pop" -> {
                    if (l.isEmpty()) throw Failures.raise("pop from empty list");
                    int i = args.length == 0 ? l.size() - 1 : index(args[0], l.size());
                    if (i < 0 || i >= l.size()) throw Failures.raise("pop index out of range");
                    return l.remove(i);
                }
                case "remove" -> {
                    Iterator<Object> it = l.iterator();
                    while (it.hasNext()) {
                        if (Values.pyEquals(it.next(), arg(args, 0))) {
                            it.remove();
                            return null;
                        }
                    }
                    throw Failures.raise("list.remove(x): x not in list");
                }
                case "clear" -> l.clear();
                case "reverse" -> Collections.reverse(l);
                case "sort" -> {
                    boolean reverse = false;
                    for (Object a : args) {
                        if (a instanceof com.hubspot.jinjava.el.ext.NamedParameter p && p.getName().equals("reverse")) {
                            reverse = Boolean.TRUE.equals(p.getValue()) || "true".equalsIgnoreCase(String.valueOf(p.getValue()));
                        } else {
                            throw Failures.raise("jsock: list.sort() takes only reverse=");
                        }
                    }
                    java.util.Comparator<Object> order = Values::compare;
                    l.sort(reverse ? order.reversed() : order);
                }
                default -> throw Failures.raise("'list object' has no attribute '" + name + "'");
            }
            return null;
        }
        Map<Object, Object> m = (Map<Object, Object>) base;
        switch (name) {
            case "update" -> {
                for (Object a : args) {
                    if (a instanceof Map<?, ?> other) m.putAll(other);
                    else if (a instanceof com.hubspot.jinjava.el.ext.NamedParameter p) m.put(p.getName(), p.getValue());
                    else if (a instanceof Iterable<?> pairs) {
                        for (Object pair : pairs) {
                            if (!(pair instanceof List<?> kv) || kv.size() != 2) throw Failures.raise("dictionary update sequence element has wrong length");
                            m.put(kv.get(0), kv.get(1));
                        }
                    } else throw Failures.raise("'" + PyRepr.typeName(a) + "' object is not iterable");
                }
                return null;
            }
            case "pop" -> {
                Object key = arg(args, 0);
                if (m.containsKey(key)) return m.remove(key);
                if (args.length > 1) return args[1];
                throw Failures.raise(PyRepr.repr(key));
            }
            case "setdefault" -> {
                Object key = arg(args, 0);
                if (!m.containsKey(key)) m.put(key, args.length > 1 ? args[1] : null);
                return m.get(key);
            }
            case "popitem" -> {
                if (m.isEmpty()) throw Failures.raise("'popitem(): dictionary is empty'");
                Object last = new ArrayList<>(m.keySet()).get(m.size() - 1);
                Object v = m.remove(last);
                return new PyTuple(List.of(last, v));
            }
            case "clear" -> {
                m.clear();
                return null;
            }
            default -> throw Failures.raise("'dict object' has no attribute '" + name + "'");
        }
    }

    private static Object arg(Object[] args, int i) {
        if (args.length <= i) throw Failures.raise("missing argument");
        return args[i];
    }

    private static int index(Object o, int size) {
        int i = ((Number) o).intValue();
        return i < 0 ? i + size : i;
    }

    private static List<Object> iterable(Object o) {
        if (o instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        if (o instanceof CharSequence s) {
            List<Object> out = new ArrayList<>();
            s.chars().forEach(c -> out.add(String.valueOf((char) c)));
            return out;
        }
        throw Failures.raise("'" + PyRepr.typeName(o) + "' object is not iterable");
    }
}

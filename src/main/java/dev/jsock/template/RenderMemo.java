package dev.jsock.template;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders remembered across hosts. A play renders the same texts for every host (a role's
 * validation, its unit templates), and most of them read only variables whose values are the same
 * on every host. A render is a deterministic function of the variables it reads, so its output is
 * kept together with a snapshot of every variable the render read (name and raw value, or absent);
 * another render of the same text whose variables have those same values (compared in order, so
 * two maps with the same entries in another order differ) gets that output without running.
 *
 * <p>Not remembered: renders that fail, texts or variables that may give a new value each time
 * (random, now, lookups), renders that read {@code hostvars} or {@code vars} (live views of every
 * host's state), and values too large to snapshot cheaply. Hosts run a task at the same moment,
 * so while one host renders a text, a host whose variables look the same waits for its result
 * instead of rendering the same thing on the other core.
 */
final class RenderMemo {
    /** Marks a variable the render found undefined. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    private static final int TEXT_LIMIT = 20_000;
    private static final int ENTRIES_PER_TEXT = 32;
    /** Strings, numbers and containers a snapshot may hold; a larger one is not remembered. */
    private static final int SNAPSHOT_BUDGET = 5_000;
    /** All snapshots together (a few tens of MB at most): past it, nothing more is remembered. */
    private static final long TOTAL_BUDGET = 300_000;
    /** How long a host waits for another host's render of the same text. */
    private static final long WAIT_MILLIS = 5_000;

    /**
     * Names of filters, functions and lookups whose result may change from one call to the next
     * (Ansible's and Jinjava's): a text or variable mentioning one is never remembered.
     */
    private static final java.util.regex.Pattern VOLATILE = java.util.regex.Pattern.compile(
            "random|shuffle|now|lookup|query|\\bq\\s*\\(|uuid|today|timestamp|datetime|strftime|password_hash|\\btime\\b");

    /** Whether a text may be remembered at all. */
    static boolean stable(String text) {
        return !VOLATILE.matcher(text).find();
    }

    private record Entry(Map<String, Object> reads, String output) {}

    /** What is known of one text. Guarded by its own monitor. */
    private static final class Slot {
        /** False for a text that mentions something volatile: never remembered. */
        final boolean stable;
        final List<Entry> entries = new ArrayList<>();
        /** A host is rendering this text right now. */
        boolean rendering;
        /**
         * The values the render in progress has for the variables the last kept render read (null
         * for the first render of the text): only a host with the same values waits for its result,
         * so the hosts of a loop wait for the host rendering the same item, not for another item.
         */
        Map<String, Object> renderingWith;
        /** A render of this text was not kept (it failed or read something volatile): nobody waits. */
        boolean unkept;

        Slot(String text) {
            stable = stable(text);
        }
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicInteger texts = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong kept = new java.util.concurrent.atomic.AtomicLong();

    /** A remembered output, or null; then the caller renders and calls {@link #finish}. */
    String begin(String text, RenderSession session) {
        Slot slot = slots.get(text);
        if (slot == null) {
            if (texts.get() >= TEXT_LIMIT) return null;
            Slot fresh = new Slot(text);
            slot = slots.putIfAbsent(text, fresh);
            if (slot == null) {
                texts.incrementAndGet();
                slot = fresh;
            }
        }
        if (!slot.stable) return null;
        synchronized (slot) {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (true) {
                Entry hit = match(slot, session);
                if (hit != null) {
                    session.recordAll(hit.reads());
                    return hit.output();
                }
                if (!slot.rendering || slot.unkept) break;
                if (slot.renderingWith != null && !matches(slot.renderingWith, session)) break;
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) break;
                try {
                    slot.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!slot.rendering) {
                slot.rendering = true;
                slot.renderingWith = slot.entries.isEmpty() ? null : valuesOf(slot.entries.get(slot.entries.size() - 1), session);
                session.ownsRendering(text);
            }
            return null;
        }
    }

    /** After a render {@link #begin} did not answer: keeps its output (null: it failed) and wakes waiting hosts. */
    void finish(String text, RenderSession session, String output) {
        Slot slot = slots.get(text);
        if (slot == null || !slot.stable) return;
        boolean room;
        synchronized (slot) {
            room = slot.entries.size() < ENTRIES_PER_TEXT;
        }
        room = room && kept.get() < TOTAL_BUDGET;
        Map<String, Object> snapshot = room && output != null && session.memoable() ? snapshot(session.reads()) : null;
        synchronized (slot) {
            if (snapshot != null && slot.entries.size() < ENTRIES_PER_TEXT) slot.entries.add(new Entry(snapshot, output));
            if (snapshot == null && room) slot.unkept = true;
            if (session.releaseRendering(text)) {
                slot.rendering = false;
                slot.renderingWith = null;
                slot.notifyAll();
            }
        }
    }

    private static Entry match(Slot slot, RenderSession session) {
        for (Entry e : slot.entries) {
            if (matches(e.reads(), session)) return e;
        }
        return null;
    }

    /** Whether this call's variables have all these values. */
    private static boolean matches(Map<String, Object> values, RenderSession session) {
        for (Map.Entry<String, Object> v : values.entrySet()) {
            if (!sameValue(v.getValue(), session.peek(v.getKey()))) return false;
        }
        return true;
    }

    /** This call's raw values of the variables an earlier render read. */
    private static Map<String, Object> valuesOf(Entry earlier, RenderSession session) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : earlier.reads().keySet()) out.put(name, session.peek(name));
        return out;
    }

    /** A deep copy of the variables read, or null when they are too large to keep. */
    private Map<String, Object> snapshot(Map<String, Object> reads) {
        int[] budget = {SNAPSHOT_BUDGET};
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : reads.entrySet()) {
            Object copy = copy(e.getValue(), budget);
            if (budget[0] < 0) return null;
            out.put(e.getKey(), copy);
        }
        kept.addAndGet(SNAPSHOT_BUDGET - budget[0] + 1L);
        return out;
    }

    private static Object copy(Object value, int[] budget) {
        if (--budget[0] < 0) return null;
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), copy(e.getValue(), budget));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object item : l) out.add(copy(item, budget));
            return out;
        }
        return value;
    }

    /** Equal values of the same type, maps compared entry by entry in order (Jinja sees that order). */
    static boolean sameValue(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Map<?, ?> ma) {
            if (!(b instanceof Map<?, ?> mb) || ma.size() != mb.size()) return false;
            Iterator<? extends Map.Entry<?, ?>> ia = ma.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> ib = mb.entrySet().iterator();
            while (ia.hasNext()) {
                Map.Entry<?, ?> ea = ia.next();
                Map.Entry<?, ?> eb = ib.next();
                if (!sameValue(ea.getKey(), eb.getKey()) || !sameValue(ea.getValue(), eb.getValue())) return false;
            }
            return true;
        }
        if (a instanceof List<?> la) {
            if (!(b instanceof List<?> lb) || la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!sameValue(la.get(i), lb.get(i))) return false;
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }
}

package dev.jsock.modules;

import dev.jsock.transport.Become;
import dev.jsock.transport.UnreachableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What this run has seen of one host's files, so that the file, copy, template and stat tasks of
 * a play do not each pay a round trip to look at their path before deciding anything. On a miss,
 * one command looks at the missed path and at every path the rest of the play is predicted to
 * touch (the lookahead, which the executor sets before each task), so an unchanged play reads all
 * its files' state in one or two commands instead of one per task and loop item.
 *
 * <p>Correctness rests on forgetting early: the executor empties the cache after anything that may
 * have changed a file (a module that reported a change or failed, and every module that can write
 * while reporting no change, such as command and shell), before each retry of an {@code until}
 * loop, and entries older than {@link #MAX_AGE_MILLIS} are read again, so a play that waits for
 * something outside it to appear still sees it. Entries are only valid for the identity they were
 * read as (become user). One cache per host, used by that host's thread only.
 */
public final class RemoteFileCache {
    /** Most paths looked at in one command (the missed one plus predicted ones). */
    static final int MAX_BATCH = 100;
    /** Entries older than this are read again. */
    static final long MAX_AGE_MILLIS = 5_000;

    /** One path as last seen: its facts and whether its parent directory exists. */
    record Entry(FileFacts facts, boolean parentExists, long readAt) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final LongSupplier clock;
    private final boolean remembers;
    private Supplier<? extends Iterable<String>> lookahead = List::of;
    private String identity;
    private int umask = 022;
    private int commands;

    private RemoteFileCache(boolean remembers, LongSupplier clock) {
        this.remembers = remembers;
        this.clock = clock;
    }

    /** A cache for one host's whole run. */
    public static RemoteFileCache forHost() {
        return new RemoteFileCache(true, System::currentTimeMillis);
    }

    /** Remembers nothing: every lookup is one command (delegated tasks, tasks with an environment, tests). */
    public static RemoteFileCache none() {
        return new RemoteFileCache(false, System::currentTimeMillis);
    }

    static RemoteFileCache withClock(LongSupplier clock) {
        return new RemoteFileCache(true, clock);
    }

    /** The paths the coming tasks will look at, computed only when a miss needs them. */
    public void lookahead(Supplier<? extends Iterable<String>> paths) {
        this.lookahead = paths == null ? List::of : paths;
    }

    /** Forgets everything: something may have changed the host's files. */
    public void clear() {
        entries.clear();
    }

    /** Remote commands this cache has run (for tests and -vvv accounting). */
    public int commands() {
        return commands;
    }

    /** The facts of {@code path} as seen by {@code become}, from memory or with one command. */
    Entry lookup(Remote remote, Become become, String path) throws UnreachableException {
        String who = become.enabled() ? become.user() : "";
        if (!who.equals(identity)) {
            clear();
            identity = who;
        }
        long now = clock.getAsLong();
        Entry known = entries.get(path);
        if (known != null && now - known.readAt() <= MAX_AGE_MILLIS) return known;
        List<String> batch = batch(path);
        if (batch.size() > 1) {
            FileFactsBatch.Result r = FileFactsBatch.parse(remote.run(FileFactsBatch.command(batch)).stdout(), batch);
            commands++;
            if (r.umask() != null) umask = r.umask();
            r.seen().forEach((p, s) -> entries.put(p, new Entry(s.facts(), s.parentExists(), now)));
            Entry e = entries.get(path);
            if (e != null && r.umask() != null) return e;
        }
        return lookOne(remote, path, now);
    }

    /** One path with per-path logic (links, unreadable files): what the batch leaves out. */
    private Entry lookOne(Remote remote, String path, long now) throws UnreachableException {
        String out = remote.run(FileFacts.probeCommand(path)).stdout();
        commands++;
        Map<String, String> env = FileFacts.section(out, "@@env");
        // the command died before it got to the path: never remember a guess
        if (!env.containsKey("umask") || !out.contains("@@path")) return new Entry(FileFacts.ABSENT, false, now);
        umask = Integer.parseInt(env.get("umask").strip(), 8);
        Entry e = new Entry(FileFacts.parse(out), env.containsKey("parent"), now);
        if (remembers) entries.put(path, e);
        return e;
    }

    /** The umask of the identity last looked up with (read with every lookup command). */
    int umask() {
        return umask;
    }

    private List<String> batch(String path) {
        if (!remembers) return List.of(path);
        Set<String> batch = new LinkedHashSet<>();
        batch.add(path);
        long now = clock.getAsLong();
        try {
            for (String p : lookahead.get()) {
                if (batch.size() >= MAX_BATCH) break;
                Entry e = entries.get(p);
                if (p != null && !p.isEmpty() && (e == null || now - e.readAt() > MAX_AGE_MILLIS)) batch.add(p);
            }
        } catch (RuntimeException e) {
            // a prediction that cannot be computed costs a later miss, never this task
        }
        return new ArrayList<>(batch);
    }
}

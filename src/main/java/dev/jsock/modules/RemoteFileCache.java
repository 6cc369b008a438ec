package dev.jsock.modules;

import dev.jsock.transport.Become;
import dev.jsock.transport.CommandResult;
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
 * its files' state in one or two commands instead of one per task and loop item. The read-only
 * commands other modules start with (the user module's getent, the systemd module's show) ride
 * along in the same command and are kept the same way.
 *
 * <p>Correctness rests on forgetting early: the executor empties the cache after anything that may
 * have changed a file (a module that reported a change or failed, and every module that can write
 * while reporting no change, such as command and shell), before each retry of an {@code until}
 * loop, and entries older than {@link #MAX_AGE_MILLIS} are read again, so a play that waits for
 * something outside it to appear still sees it. Entries are only valid for the identity they were
 * read as (become user). One cache per host, used by that host's thread only.
 *
 * <p>A module's changing command (a write, a user's command, a systemctl start) carries a look at
 * the predicted paths at its end ({@link Remote#changeThenLook}); what that look saw is kept past
 * the task only when no other command of the task ran after it, so a changing play pays one round
 * trip per change instead of two.
 */
public final class RemoteFileCache {
    /** Most paths looked at in one command (the missed one plus predicted ones). */
    static final int MAX_BATCH = 100;
    /** Entries older than this are read again. */
    static final long MAX_AGE_MILLIS = 5_000;

    /** One path as last seen: its facts and whether its parent directory exists. */
    record Entry(FileFacts facts, boolean parentExists, long readAt) {}

    /**
     * What the coming tasks will look at: remote paths, and the read-only commands some modules
     * start with (user's getent, systemd's show), as the modules would write them.
     */
    public record Prediction(List<String> paths, List<String> reads) {
        public static final Prediction NONE = new Prediction(List.of(), List.of());
    }

    private record Read(CommandResult result, long readAt) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Read> reads = new HashMap<>();
    /** Reads taken from {@link #reads} since they were read. */
    private final Set<String> usedReads = new java.util.HashSet<>();
    /**
     * Reads that were read ahead and forgotten before any task used them (a write came first, as in
     * a first deploy). They are not read ahead again: a systemctl show costs the host's systemd
     * real work, and repeating it with every file look of a changing run cost more than it saved.
     */
    private final Set<String> wastedReads = new java.util.HashSet<>();
    private final LongSupplier clock;
    private final boolean remembers;
    private Supplier<Prediction> lookahead = () -> Prediction.NONE;
    private String identity;
    private int umask = 022;
    private int commands;
    /** Module commands that may have changed the host, counted (looks are not). */
    private long changingCommands;
    /** The latest look a write's command took after the write, and the count of commands it came after. */
    private Map<String, Entry> lookedAfterWrite = Map.of();
    private long lookedAfterCommand = -1;

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
        predict(paths == null ? null : () -> {
            List<String> all = new ArrayList<>();
            paths.get().forEach(all::add);
            return new Prediction(all, List.of());
        });
    }

    /** What the coming tasks will look at, computed only when a miss needs it (once per miss). */
    public void predict(Supplier<Prediction> prediction) {
        this.lookahead = prediction == null ? () -> Prediction.NONE : prediction;
    }

    /** Counts a module command that may have changed the host. */
    void changingCommand() {
        changingCommands++;
    }

    /** The paths to look at right after a write, in the write's own command (none when this cache remembers nothing). */
    List<String> pathsToLookAfterWrite() {
        // after a change nothing known is current: every predicted path is looked at again
        return wanted(null, predicted().paths(), p -> false);
    }

    /** What a write's command printed about {@code paths} after the write (see {@link #clearAfterTask()}). */
    void tookLookAfterWrite(Become become, List<String> paths, String out) {
        actAs(become);
        FileFactsBatch.Result r = FileFactsBatch.parse(out, paths);
        if (r.umask() == null) return; // not whole: trust none of it
        umask = r.umask();
        long now = clock.getAsLong();
        Map<String, Entry> seen = new HashMap<>();
        r.seen().forEach((p, st) -> seen.put(p, new Entry(st.facts(), st.parentExists(), now)));
        lookedAfterWrite = seen;
        lookedAfterCommand = changingCommands;
    }

    /**
     * Forgets what a task may have changed. A look taken by the task's last command, after its
     * write, describes the host as the task left it, so it is kept; after any later command of
     * the task (a chmod, a restart) it is not.
     */
    public void clearAfterTask() {
        // the look was taken as the current identity (tookLookAfterWrite switched to it), which clear() keeps
        Map<String, Entry> keep = lookedAfterCommand == changingCommands ? lookedAfterWrite : Map.of();
        clear();
        entries.putAll(keep);
    }

    /** Forgets everything: something may have changed the host's files or services. */
    public void clear() {
        lookedAfterWrite = Map.of();
        lookedAfterCommand = -1;
        entries.clear();
        for (String c : reads.keySet()) if (!usedReads.contains(c)) wastedReads.add(c);
        reads.clear();
        usedReads.clear();
    }

    /** Remote commands this cache has run (for tests and -vvv accounting). */
    public int commands() {
        return commands;
    }

    /** The facts of {@code path} as seen by {@code become}, from memory or with one command. */
    Entry lookup(Remote remote, Become become, String path) throws UnreachableException {
        actAs(become);
        long now = clock.getAsLong();
        Entry known = entries.get(path);
        if (known != null && now - known.readAt() <= MAX_AGE_MILLIS) return known;
        Prediction coming = predicted();
        List<String> batch = batch(path, coming.paths());
        List<String> moreReads = pendingReads(null, coming.reads());
        if (batch.size() > 1 || !moreReads.isEmpty()) {
            boolean whole = runBatch(remote, batch, moreReads, now);
            Entry e = entries.get(path);
            if (e != null && whole) return e;
        }
        return lookOne(remote, path, now);
    }

    /**
     * What a read-only command prints, from memory or run now. On a miss, the paths and reads the
     * coming tasks are predicted to need are looked at in the same remote command. The result has
     * no stderr (reads are run with it discarded): only for commands whose stderr nobody reads.
     */
    CommandResult read(Remote remote, Become become, String command) throws UnreachableException {
        actAs(become);
        long now = clock.getAsLong();
        Read known = reads.get(command);
        if (known != null && now - known.readAt() <= MAX_AGE_MILLIS) return used(command, known);
        if (!remembers) {
            commands++;
            return remote.look(command);
        }
        Prediction coming = predicted();
        runBatch(remote, batch(null, coming.paths()), pendingReads(command, coming.reads()), now);
        Read got = reads.get(command);
        if (got != null) return used(command, got);
        commands++;
        return remote.look(command); // its frame did not come back whole: run it on its own
    }

    /** Entries are only valid for the identity they were read as: another one starts afresh. */
    private void actAs(Become become) {
        String who = become.enabled() ? become.user() : "";
        if (!who.equals(identity)) {
            clear();
            identity = who;
        }
    }

    private CommandResult used(String command, Read read) {
        usedReads.add(command);
        return read.result();
    }

    /**
     * Looks at {@code paths} and runs {@code readCommands} in one remote command, keeping what
     * came back whole. False when the file part did not come back whole (or there was none).
     */
    private boolean runBatch(Remote remote, List<String> paths, List<String> readCommands, long now) throws UnreachableException {
        ReadBatch rb = new ReadBatch();
        String files = paths.isEmpty() ? "true" : FileFactsBatch.command(paths);
        String out = remote.look(readCommands.isEmpty() ? files : files + "; " + rb.command(readCommands)).stdout();
        commands++;
        boolean whole = false;
        if (!paths.isEmpty()) {
            FileFactsBatch.Result r = FileFactsBatch.parse(rb.before(out), paths);
            if (r.umask() != null) {
                umask = r.umask();
                whole = true;
            }
            r.seen().forEach((p, s) -> entries.put(p, new Entry(s.facts(), s.parentExists(), now)));
        }
        rb.parse(out, readCommands).forEach((c, o) -> reads.put(c, new Read(new CommandResult(o.exitCode(), o.stdout(), ""), now)));
        return whole;
    }

    /** {@code first} (when not null) and the predicted reads not already known. */
    private List<String> pendingReads(String first, List<String> predicted) {
        long now = clock.getAsLong();
        return wanted(first, predicted, c -> {
            Read r = reads.get(c);
            return wastedReads.contains(c) || (r != null && now - r.readAt() <= MAX_AGE_MILLIS);
        });
    }

    /**
     * {@code first} (when not null), then the predicted items (paths or reads) that are neither
     * blank nor {@code known}, at most {@link #MAX_BATCH}; only {@code first} when nothing is remembered.
     */
    private List<String> wanted(String first, List<String> predicted, java.util.function.Predicate<String> known) {
        if (!remembers) return first == null ? List.of() : List.of(first);
        Set<String> out = new LinkedHashSet<>();
        if (first != null) out.add(first);
        for (String item : predicted) {
            if (out.size() >= MAX_BATCH) break;
            if (item != null && !item.isEmpty() && !known.test(item)) out.add(item);
        }
        return new ArrayList<>(out);
    }

    private Prediction predicted() {
        if (!remembers) return Prediction.NONE;
        try {
            Prediction p = lookahead.get();
            return p == null ? Prediction.NONE : p;
        } catch (RuntimeException e) {
            return Prediction.NONE; // a prediction that cannot be computed costs a later miss, never this task
        }
    }

    /** One path with per-path logic (links, unreadable files): what the batch leaves out. */
    private Entry lookOne(Remote remote, String path, long now) throws UnreachableException {
        String out = remote.look(FileFacts.probeCommand(path)).stdout();
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

    /** {@code path} (when not null) and the predicted paths not already known. */
    private List<String> batch(String path, List<String> predicted) {
        long now = clock.getAsLong();
        return wanted(path, predicted, p -> {
            Entry e = entries.get(p);
            return e != null && now - e.readAt() <= MAX_AGE_MILLIS;
        });
    }
}

package dev.jsock.exec;

import dev.jsock.model.TaskResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Keeps hosts in step the way Ansible's linear strategy does, while each host runs its own
 * straightforward recursive executor in its own thread. Before each task a host thread announces
 * the step it wants and blocks; the coordinator (the play's calling thread) waits until every live
 * host has announced its next step or finished, then releases all hosts that want the same step
 * as the first waiting host in inventory order — so one "TASK [...]" header is followed by every
 * host's result for it, and hosts whose paths diverge (includes, failures) never deadlock.
 */
final class StepGate {

    /** Identity of a step (same task from the same file and line) and what the header shows. */
    record Step(String identity, String title, boolean handler) {}

    private final List<String> order;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Step> wants = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private final Set<String> released = new HashSet<>();
    private final Set<String> finished = new HashSet<>();
    private final Map<String, List<String>> batches = new HashMap<>();
    private final Map<String, List<Integer>> positions = new HashMap<>();

    /** Places compare index by index; a place that is the start of another comes first. */
    static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    StepGate(List<String> hostOrder) {
        this.order = List.copyOf(hostOrder);
        running.addAll(hostOrder);
    }

    /** The first host's run_once decision for a task, its result, and whether it ignored a failure. */
    record Shared(boolean ranOnce, TaskResult result, boolean ignored) {}

    private final Map<List<String>, java.util.concurrent.CompletableFuture<Shared>> shared = new java.util.IdentityHashMap<>();

    /** Where the first host of {@code batch} (as {@link #await} returned it) leaves a run_once task's outcome for the others. */
    java.util.concurrent.CompletableFuture<Shared> shared(List<String> batch) {
        synchronized (shared) {
            return shared.computeIfAbsent(batch, b -> new java.util.concurrent.CompletableFuture<>());
        }
    }

    private final Map<List<String>, IncludeReport> includes = new java.util.IdentityHashMap<>();

    /** The include step's report for {@code batch} (as {@link #await} returned it), one per batch. */
    IncludeReport includeReport(List<String> batch, RunListener listener) {
        synchronized (includes) {
            return includes.computeIfAbsent(batch, b -> new IncludeReport(b, listener));
        }
    }

    /** As {@link #await(String, Step, List)} for a host with no place to compare (all equal). */
    List<String> await(String host, Step step) throws InterruptedException {
        return await(host, step, List.of());
    }

    /**
     * Called by a host thread with its place in the play; returns the hosts that run this step
     * together (for run_once). The step released next is the one of the host furthest behind.
     */
    List<String> await(String host, Step step, List<Integer> position) throws InterruptedException {
        lock.lock();
        try {
            positions.put(host, List.copyOf(position));
            wants.put(host, step);
            running.remove(host);
            changed.signalAll();
            while (!released.contains(host)) changed.await();
            released.remove(host);
            return batches.get(host);
        } finally {
            lock.unlock();
        }
    }

    /** Called by a host thread when it has nothing more to do in this play (always, in a finally). */
    void finish(String host) {
        lock.lock();
        try {
            running.remove(host);
            wants.remove(host);
            finished.add(host);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs in the coordinating thread until every host has finished. */
    void coordinate(Consumer<Step> onStep) throws InterruptedException {
        coordinate(onStep, () -> false);
    }

    /** As {@link #coordinate(Consumer)}; once {@code stopped} holds, steps are released unannounced (their hosts end at once). */
    void coordinate(Consumer<Step> onStep, java.util.function.BooleanSupplier stopped) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                while (!running.isEmpty() || wants.size() + finished.size() < order.size()) changed.await();
                if (finished.size() == order.size()) return;
                Step next = null;
                List<Integer> earliest = null;
                for (String h : order) {
                    if (!wants.containsKey(h)) continue;
                    List<Integer> p = positions.getOrDefault(h, List.of());
                    if (earliest == null || compare(p, earliest) < 0) {
                        earliest = p;
                        next = wants.get(h);
                    }
                }
                List<String> batch = new ArrayList<>();
                for (String h : order) if (next.equals(wants.get(h))) batch.add(h);
                if (!stopped.getAsBoolean()) onStep.accept(next);
                for (String h : batch) {
                    wants.remove(h);
                    running.add(h);
                    released.add(h);
                    batches.put(h, batch);
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}

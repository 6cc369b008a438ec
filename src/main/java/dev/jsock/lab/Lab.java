package dev.jsock.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Local systemd test hosts: systemd-nspawn containers booted from one cached Debian root, each with
 * sshd on a private bridge. Every change takes a lock in the state directory, so concurrent
 * {@code up} calls from several processes boot each host once.
 */
public final class Lab {
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/jsock/lab");
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(120);

    private final LabLayout layout;
    private final PrintWriter progress;

    public Lab(Path stateDir, PrintWriter progress) {
        this.layout = new LabLayout(stateDir);
        this.progress = progress;
    }

    public Path stateDir() {
        return layout.stateDir();
    }

    public Path privateKey() {
        return layout.privateKey();
    }

    public Path knownHosts() {
        return layout.knownHosts();
    }

    public Path inventoryPath() {
        return layout.inventory();
    }

    /** Makes hosts 1..n run (booting only the missing ones, in parallel) and returns them once SSH works. */
    public List<LabHost> up(int n) {
        if (n < 1 || n > LabLayout.MAX_HOSTS) throw Shell.error("host count must be 1.." + LabLayout.MAX_HOSTS + ", not " + n);
        Prereqs.ensure(progress);
        createStateDir();
        try (StateLock ignored = StateLock.acquire(layout.lockFile())) {
            String publicKey = new LabKey(layout).ensure();
            new RootImage(layout, progress).ensure(publicKey);
            Bridge.ensure();
            List<Container> wanted = IntStream.rangeClosed(1, n).mapToObj(i -> new Container(layout, i)).collect(Collectors.toList());
            List<Container> missing = wanted.stream().filter(c -> !c.running()).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                raiseInotifyLimit(n);
                boot(missing);
            }
            List<LabHost> all = running();
            writeKnownHosts(all, missing.stream().map(Container::host).collect(Collectors.toList()));
            writeInventory(all);
            return wanted.stream().map(Container::host).collect(Collectors.toList());
        }
    }

    /**
     * Every booted host's systemd takes inotify instances from the same user (root); the kernel's
     * default of 128 runs out at about 20 hosts and systemd then fails to start inside the host.
     */
    private void raiseInotifyLimit(int hosts) {
        java.nio.file.Path knob = java.nio.file.Path.of("/proc/sys/fs/inotify/max_user_instances");
        try {
            int now = Integer.parseInt(Files.readString(knob).trim());
            int wanted = Math.max(1024, hosts * 64);
            if (now < wanted) Files.writeString(knob, wanted + "\n");
        } catch (java.io.IOException | NumberFormatException | SecurityException e) {
            progress.println("lab: could not raise fs.inotify.max_user_instances (" + e.getMessage() + "); more than ~20 hosts may fail to boot");
        }
    }

    /** Stops every host this lab started (by recorded PID) and removes the bridge. */
    public void down() {
        if (!Files.isDirectory(layout.stateDir())) return;
        try (StateLock ignored = StateLock.acquire(layout.lockFile())) {
            stopAll(recorded());
            Bridge.remove();
            deleteQuietly(layout.inventory());
            deleteQuietly(layout.knownHosts());
        }
    }

    /** Stops just these hosts; removes the bridge when no lab host is left. Used by tests that share a lab. */
    public void stop(List<LabHost> hosts) {
        if (!Files.isDirectory(layout.stateDir())) return;
        List<String> names = hosts.stream().map(LabHost::name).collect(Collectors.toList());
        try (StateLock ignored = StateLock.acquire(layout.lockFile())) {
            stopAll(recorded().stream().filter(c -> names.contains(c.name())).collect(Collectors.toList()));
            List<LabHost> left = running();
            if (left.isEmpty()) {
                Bridge.remove();
            }
            writeKnownHosts(left, List.of());
            writeInventory(left);
        }
    }

    /** Hosts whose recorded nspawn process is alive, in index order. */
    public List<LabHost> running() {
        return recorded().stream().filter(Container::running).map(Container::host).collect(Collectors.toList());
    }

    /** The inventory for the running hosts (Ansible INI), also written to {@code stateDir/inventory}. */
    public String inventory() {
        List<LabHost> hosts = running();
        createStateDir();
        return writeInventory(hosts);
    }

    private void boot(List<Container> missing) {
        String names = missing.stream().map(Container::name).collect(Collectors.joining(", "));
        say("booting " + names);
        long t0 = System.nanoTime();
        missing.forEach(Container::boot);
        SshProbe probe = new SshProbe(layout.privateKey());
        parallel(missing, c -> {
            probe.awaitReady(c.host(), SSH_TIMEOUT, layout.log(c.name()), c::running);
            say(String.format("%s ready at %s (%.1f s)", c.name(), c.host().address(), (System.nanoTime() - t0) / 1e9));
            return null;
        });
    }

    private void stopAll(List<Container> containers) {
        if (containers.isEmpty()) return;
        say("stopping " + containers.stream().map(Container::name).collect(Collectors.joining(", ")));
        parallel(containers, c -> {
            c.stop();
            return null;
        });
    }

    /** Containers that have a PID file, whether or not the process is still alive. */
    private List<Container> recorded() {
        if (!Files.isDirectory(layout.stateDir())) return List.of();
        try (Stream<Path> files = Files.list(layout.stateDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith(LabLayout.PREFIX) && f.endsWith(".pid"))
                    .map(f -> f.substring(LabLayout.PREFIX.length(), f.length() - 4))
                    .filter(s -> s.matches("[1-9][0-9]{0,2}"))
                    .map(Integer::parseInt)
                    .sorted()
                    .map(i -> new Container(layout, i))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw Shell.error("cannot list " + layout.stateDir() + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the lines of hosts already recorded (their keys come from the root and do not change) and scans the rest. */
    private void writeKnownHosts(List<LabHost> hosts, List<LabHost> justBooted) {
        List<String> old = readLines(layout.knownHosts());
        List<String> lines = parallel(hosts, h -> {
            if (justBooted.contains(h)) return SshProbe.scanKeys(h);
            String kept = old.stream().filter(l -> l.startsWith(h.address() + " ")).map(l -> l + "\n").collect(Collectors.joining());
            return kept.isEmpty() ? SshProbe.scanKeys(h) : kept;
        });
        write(layout.knownHosts(), String.join("", lines));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String writeInventory(List<LabHost> hosts) {
        String text = InventoryText.render(hosts, layout);
        write(layout.inventory(), text);
        return text;
    }

    private static <T, R> List<R> parallel(List<T> items, Function<T, R> task) {
        if (items.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(items.size(), r -> {
            Thread t = new Thread(r, "jsock-lab");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> task.apply(item)));
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) results.add(f.get());
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw Shell.error(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Shell.error("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void createStateDir() {
        try {
            Files.createDirectories(layout.stateDir());
        } catch (IOException e) {
            throw Shell.error("cannot create " + layout.stateDir() + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw Shell.error("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw Shell.error("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    private void say(String line) {
        synchronized (progress) {
            progress.println("lab: " + line);
            progress.flush();
        }
    }
}

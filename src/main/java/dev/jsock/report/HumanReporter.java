package dev.jsock.report;

import dev.jsock.exec.HostStats;
import dev.jsock.exec.RunListener;
import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Output shaped like ansible-playbook's default callback (PLAY / TASK banners, "ok: [host]",
 * PLAY RECAP), so people and log scrapers used to Ansible read it without surprises.
 */
public final class HumanReporter implements RunListener {
    private static final String NO_LOG = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
    private static final Set<String> DEBUG_ALLOWED = Set.of("msg", "exception", "warnings", "deprecations");
    private static final Set<String> DEBUG_HIDDEN = Set.of("changed", "failed", "skipped", "invocation", "skip_reason");
    private static final Set<String> INTERNAL = Set.of("invocation", "_ansible_no_log", "_ansible_verbose_always", "_jsock_debug");

    private final PrintWriter out;
    private final Colors colors;
    private final int verbosity;
    private final boolean diff;

    public HumanReporter(PrintWriter out, boolean color, int verbosity, boolean diff) {
        this.out = out;
        this.colors = new Colors(color);
        this.verbosity = verbosity;
        this.diff = diff;
    }

    static String banner(String msg) {
        int stars = Math.max(79 - msg.length(), 3);
        return msg + " " + "*".repeat(stars);
    }

    @Override
    public synchronized void playStarted(String name, List<String> hosts) {
        out.println();
        out.println(banner("PLAY [" + name + "]"));
        out.flush();
    }

    @Override
    public synchronized void noHostsRemaining() {
        out.println();
        out.println(banner("NO MORE HOSTS LEFT"));
        out.flush();
    }

    @Override
    public synchronized void noHostsMatched() {
        out.println(colors.skip("skipping: no hosts matched"));
        out.flush();
    }

    @Override
    public synchronized void taskStarted(String name, boolean handler) {
        out.println();
        out.println(banner((handler ? "RUNNING HANDLER [" : "TASK [") + name + "]"));
        out.flush();
    }

    @Override
    public synchronized void included(String file, List<String> hosts, Object item) {
        included(file, String.join(", ", hosts), item); // Ansible names every host of the file on one line
    }

    @Override
    public synchronized void included(String file, String host, Object item) {
        out.println(colors.skip("included: " + file + " for " + host + (item == null ? "" : " => (item=" + item + ")")));
        out.flush();
    }

    /** At -vvv, as ansible-playbook shows its EXEC lines: what runs on the host, one entry per command. */
    @Override
    public synchronized void remoteCommand(String host, String command) {
        if (verbosity < 3) return;
        out.println("<" + host + "> EXEC " + command.replace("\n", "\n    "));
        out.flush();
    }

    @Override
    public synchronized void error(String message) {
        out.println(colors.warn(wrap(" [ERROR]: " + message, 79)));
        out.flush();
    }

    @Override
    public synchronized void warning(String message) {
        // Ansible shows a warning once, wrapped at 79 columns when not on a terminal
        if (!warned.add(message)) return;
        out.println(colors.warn(wrap("[WARNING]: " + message, 79)));
        out.flush();
    }

    private final java.util.Set<String> warned = new java.util.HashSet<>();

    /** Python's textwrap.wrap joined with newlines: whitespace runs become one space, words never split unless longer than a line. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    out.append(line).append('\n');
                    line.setLength(0);
                }
                out.append(word, 0, width).append('\n');
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        return out.append(line).toString();
    }

    @Override
    public synchronized void hostResult(String host, String task, TaskResult r, Object item, boolean ignored, boolean noLog) {
        String itemText = item == null ? "" : " (item=" + itemLabel(item, noLog) + ")";
        Map<String, Object> shown = shown(r, noLog);
        // a delegated task's result names where it ran, as Ansible's does
        Object delegate = r.data().get(TaskResult.DELEGATE);
        String label = delegate == null ? host : host + " -> " + delegate;
        if (diff && !noLog) printDiffs(r.diffs());
        switch (r.status()) {
            case OK, CHANGED -> {
                String word = r.changed() ? "changed" : "ok";
                String line = word + ": [" + label + "]" + (item == null ? "" : " =>" + itemText);
                // a hidden (no_log) debug result is not expanded: there is nothing to show
                boolean verbose = verbosity > 0 || (isDebug(r) && !noLog);
                if (verbose && !shown.isEmpty()) {
                    line += " => " + (isDebug(r) && !noLog ? PyJson.indented(shown) : PyJson.compact(shown));
                }
                out.println(r.changed() ? colors.changed(line) : colors.ok(line));
            }
            case SKIPPED -> {
                String line = "skipping: [" + host + "]" + (item == null ? "" : " =>" + itemText + " ");
                if (verbosity > 0) line += " => " + PyJson.compact(shown);
                out.println(colors.skip(line));
            }
            case FAILED -> {
                String prefix = item == null ? "fatal: [" + label + "]: FAILED! => " : "failed: [" + label + "]" + itemText + " => ";
                boolean expanded = Boolean.TRUE.equals(r.data().get("_ansible_verbose_always"));
                out.println(colors.fail(prefix + (expanded ? PyJson.indented(shown) : PyJson.compact(shown))));
                if (ignored && item == null) out.println(colors.skip("...ignoring"));
            }
            case UNREACHABLE -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("changed", false);
                m.put("msg", r.msg());
                m.put("unreachable", true);
                out.println(colors.fail("fatal: [" + host + "]: UNREACHABLE! => " + PyJson.compact(m)));
            }
        }
        out.flush();
    }

    @Override
    public synchronized void retrying(String host, String task, int left) {
        out.println(colors.changed("FAILED - RETRYING: [" + host + "]: " + task + " (" + left + " retries left)."));
        out.flush();
    }

    @Override
    public synchronized void loopFinished(String host, String task, TaskResult r, boolean ignored) {
        if (r.status() == TaskResult.Status.SKIPPED) {
            // Ansible's line after the items: the loop's result without them
            Map<String, Object> shown = shown(r, false);
            shown.remove("results");
            out.println(colors.skip("skipping: [" + host + "]" + (verbosity > 0 ? " => " + PyJson.compact(shown) : "")));
        }
        if (r.failed() && ignored) out.println(colors.skip("...ignoring"));
        out.flush();
    }

    /** debug results are always shown, indented, without the usual changed/failed keys. */
    private static boolean isDebug(TaskResult r) {
        return Boolean.TRUE.equals(r.data().get("_ansible_verbose_always"));
    }

    private static Object itemLabel(Object item, boolean noLog) {
        return noLog ? "None" : item;
    }

    private Map<String, Object> shown(TaskResult r, boolean noLog) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (noLog) {
            m.put("censored", NO_LOG);
            // a failed command still says it changed something; debug results never say
            if (!r.data().containsKey("_jsock_debug")) m.put("changed", Boolean.TRUE.equals(r.registered().get("changed")));
            return m;
        }
        Map<String, Object> reg = r.registered();
        for (Map.Entry<String, Object> e : reg.entrySet()) {
            if (INTERNAL.contains(e.getKey())) continue;
            m.put(e.getKey(), e.getValue());
        }
        // what Ansible hands its callbacks is a copy without these
        m.remove("failed");
        m.remove("skipped");
        if (r.data().containsKey("_jsock_debug")) {
            // Ansible's callback cleans debug results: a msg stands alone, else the usual keys go
            if (m.containsKey("msg")) m.keySet().retainAll(DEBUG_ALLOWED);
            else DEBUG_HIDDEN.forEach(m::remove);
        }
        return m;
    }

    private void printDiffs(List<FileDiff> diffs) {
        for (FileDiff d : diffs) out.print(colors.diff(UnifiedDiff.of(d)));
    }

    @Override
    public synchronized void recap(Map<String, HostStats> stats) {
        out.println();
        out.println(banner("PLAY RECAP"));
        for (Map.Entry<String, HostStats> e : stats.entrySet()) {
            HostStats s = e.getValue();
            String hostCol = String.format("%-26s", e.getKey());
            String coloredHost = s.failed > 0 || s.unreachable > 0 ? colors.fail(hostCol) : s.changed > 0 ? colors.changed(hostCol) : colors.ok(hostCol);
            out.println(coloredHost + " : "
                    + field("ok", s.ok) + " " + field("changed", s.changed) + " " + field("unreachable", s.unreachable) + " "
                    + field("failed", s.failed) + " " + field("skipped", s.skipped) + " " + field("rescued", s.rescued) + " "
                    + field("ignored", s.ignored));
        }
        out.println();
        out.flush();
    }

    private static String field(String name, int value) {
        return String.format("%-" + (name.length() + 5) + "s", name + "=" + value);
    }
}

package dev.jsock.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "included: FILE for HOST, HOST" lines of one include step: Ansible prints one line per file
 * (and loop item) naming every host that included it, after all the hosts' results. The hosts of
 * the step report here; the last one to finish prints the lines, before any host can start the
 * included tasks (the gate waits for it).
 */
final class IncludeReport {
    private record Line(String file, Object item) {}

    private final List<String> hosts;
    private final RunListener listener;
    private final Map<Line, List<String>> lines = new LinkedHashMap<>();
    private int finished;

    IncludeReport(List<String> hosts, RunListener listener) {
        this.hosts = List.copyOf(hosts);
        this.listener = listener;
    }

    synchronized void included(String file, String host, Object item) {
        lines.computeIfAbsent(new Line(file, item), l -> new ArrayList<>()).add(host);
    }

    /** A host is done with the include step (whatever happened); the last one prints the lines. */
    synchronized void done() {
        if (++finished < hosts.size()) return;
        for (Map.Entry<Line, List<String>> e : lines.entrySet()) {
            List<String> in = new ArrayList<>(hosts);
            in.retainAll(e.getValue());
            listener.included(e.getKey().file(), in, e.getKey().item());
        }
    }
}

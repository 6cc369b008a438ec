package dev.jsock.report;

import dev.jsock.systemd.SocketStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `jsock status` output: an aligned table for people, a JSON list for machines. */
public final class StatusReport {
    private static final String[] HEADER = {"HOST", "SOCKET", "LISTEN", "STATE", "ENABLED", "ACCEPTED", "CONNS", "REFUSED", "SERVICE", "SERVICE STATE", "LAST START"};

    private StatusReport() {}

    public static void table(PrintWriter out, List<SocketStatus> rows, Map<String, String> unreachable) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (SocketStatus s : rows) {
            String svcState = s.accept() ? s.runningInstances() + " running" : s.serviceState();
            lines.add(new String[] {s.host(), s.socket(), s.listen().isEmpty() ? "-" : String.join(", ", s.listen()), s.active(), s.enabled(),
                String.valueOf(s.accepted()), String.valueOf(s.connections()), String.valueOf(s.refused()), s.service(), svcState, s.lastTrigger()});
        }
        int[] width = new int[HEADER.length];
        for (String[] l : lines) for (int i = 0; i < l.length; i++) width[i] = Math.max(width[i], l[i].length());
        for (String[] l : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                if (i > 0) sb.append("  ");
                sb.append(i == l.length - 1 ? l[i] : String.format("%-" + width[i] + "s", l[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
        if (rows.isEmpty()) out.println("(no jsock sockets found)");
        for (Map.Entry<String, String> e : unreachable.entrySet()) out.println(e.getKey() + ": UNREACHABLE: " + e.getValue());
        out.flush();
    }

    public static void json(PrintWriter out, List<SocketStatus> rows, Map<String, String> unreachable) {
        List<Object> list = new ArrayList<>();
        for (SocketStatus s : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", s.host());
            m.put("socket", s.socket());
            m.put("listen", s.listen());
            m.put("active", s.active());
            m.put("enabled", s.enabled());
            m.put("accept", s.accept());
            m.put("n_accepted", s.accepted());
            m.put("n_connections", s.connections());
            m.put("n_refused", s.refused());
            m.put("service", s.service());
            m.put("service_state", s.serviceState());
            m.put("running_instances", s.runningInstances());
            m.put("last_start", s.lastTrigger());
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sockets", list);
        doc.put("unreachable", unreachable);
        out.println(PyJson.indented(doc));
        out.flush();
    }
}

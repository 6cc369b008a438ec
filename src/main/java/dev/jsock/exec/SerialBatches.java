package dev.jsock.exec;

import dev.jsock.model.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a play's hosts into the batches of its serial: keyword: a number, a percentage, or a
 * list of those (the last size repeats), as Ansible does. No serial: one batch of every host.
 */
final class SerialBatches {
    private SerialBatches() {}

    static List<List<String>> of(Object serial, List<String> hosts) {
        return of(serial, hosts, null);
    }

    static List<List<String>> of(Object serial, List<String> hosts, dev.jsock.model.Source play) {
        if (serial == null || hosts.isEmpty()) return List.of(hosts);
        List<Object> sizes = serial instanceof List<?> l ? new ArrayList<>(l) : List.of(serial);
        if (sizes.isEmpty()) return List.of(hosts);
        List<List<String>> batches = new ArrayList<>();
        int i = 0;
        int next = 0;
        while (i < hosts.size()) {
            int size = size(sizes.get(Math.min(next, sizes.size() - 1)), hosts.size(), play);
            next++;
            batches.add(hosts.subList(i, Math.min(hosts.size(), i + size)));
            i += size;
        }
        return batches;
    }

    private static int size(Object spec, int total, dev.jsock.model.Source play) {
        String s = String.valueOf(spec).trim();
        try {
            int n = s.endsWith("%") ? (int) (total * Double.parseDouble(s.substring(0, s.length() - 1)) / 100.0) : (int) Double.parseDouble(s);
            return n <= 0 ? (s.endsWith("%") ? 1 : total) : n;
        } catch (NumberFormatException e) {
            throw UserError.parse(play, "the play's serial must be a number or a percentage, got '" + s + "'");
        }
    }
}

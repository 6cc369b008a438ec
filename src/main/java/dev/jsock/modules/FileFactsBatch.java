package dev.jsock.modules;

import dev.jsock.transport.ShellQuote;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks at many remote paths with a fixed handful of processes: one {@code stat} for all of them,
 * one {@code sha1sum} for the regular files, shell built-ins for the rest. Looking at each path
 * with its own {@code stat} and {@code sha1sum} (as {@link FileFacts#probeCommand} does) costs the
 * host four processes per path, which on a busy host is most of an idempotent run's remote time.
 *
 * <p>The output is a stream of NUL-separated tokens, so no path name can break its framing. Paths
 * this cannot describe exactly are left out of the result, and the caller looks at them one by one:
 * symbolic links (their target is read separately), regular files without a checksum (unreadable,
 * or a {@code sha1sum} without {@code -z}), and everything when the output did not reach its end.
 */
final class FileFactsBatch {
    /** What one path is and whether its parent directory exists. */
    record Seen(FileFacts facts, boolean parentExists) {}

    /** The umask (null when not printed) and every path described exactly. */
    record Result(Integer umask, Map<String, Seen> seen) {}

    private static final String END = "@@end";

    private FileFactsBatch() {}

    static String command(List<String> paths) {
        StringBuilder s = new StringBuilder("printf '@@umask\\0'; umask; printf '\\0'");
        for (int i = 0; i < paths.size(); i++) {
            s.append("; [ -d ").append(ShellQuote.quote(RemotePaths.parent(paths.get(i)))).append(" ] && printf '@@parent\\0%s\\0' ").append(i);
        }
        s.append("; printf '@@stat\\0'; stat --printf '%n\\0%F|%a|%u|%g|%U|%G|%s|%Y\\0' --");
        for (String p : paths) s.append(' ').append(ShellQuote.quote(p));
        s.append(" 2>/dev/null; printf '@@sha1\\0'; set --");
        for (String p : paths) {
            String q = ShellQuote.quote(p);
            s.append("; [ -f ").append(q).append(" ] && [ -r ").append(q).append(" ] && [ ! -L ").append(q).append(" ] && set -- \"$@\" ").append(q);
        }
        return s.append("; if [ $# -gt 0 ]; then sha1sum -z -- \"$@\" 2>/dev/null; fi; printf '" + END + "\\0'").toString();
    }

    static Result parse(String out, List<String> paths) {
        String[] t = out.split("\0", -1);
        Integer umask = null;
        Set<Integer> parents = new HashSet<>();
        Map<String, String> stats = new HashMap<>();
        Map<String, String> sums = new HashMap<>();
        boolean ended = false;
        int i = 0;
        while (i < t.length) {
            switch (t[i]) {
                case "@@umask" -> {
                    if (i + 1 < t.length) umask = parseOctal(t[i + 1].strip());
                    i += 2;
                }
                case "@@parent" -> {
                    if (i + 1 < t.length) parents.add(Integer.parseInt(t[i + 1]));
                    i += 2;
                }
                case "@@stat" -> {
                    i++;
                    while (i + 1 < t.length && !t[i].equals("@@sha1")) {
                        stats.put(t[i], t[i + 1]);
                        i += 2;
                    }
                }
                case "@@sha1" -> {
                    i++;
                    while (i < t.length && !t[i].equals(END)) {
                        String line = t[i++];
                        if (line.length() > 42 && line.charAt(40) == ' ' && line.charAt(41) == ' ') sums.put(line.substring(42), line.substring(0, 40));
                    }
                }
                case END -> {
                    ended = true;
                    i++;
                }
                default -> i++;
            }
        }
        Map<String, Seen> seen = new LinkedHashMap<>();
        if (!ended) return new Result(umask, seen);
        for (int k = 0; k < paths.size(); k++) {
            String p = paths.get(k);
            String stat = stats.get(p);
            FileFacts f;
            if (stat == null) {
                f = FileFacts.ABSENT;
            } else {
                Map<String, String> kv = new HashMap<>();
                kv.put("stat", stat);
                if (sums.containsKey(p)) kv.put("sha1", sums.get(p));
                try {
                    f = FileFacts.of(kv);
                } catch (RuntimeException e) {
                    continue;
                }
                if (f.isLink() || (f.isReg() && f.sha1() == null)) continue;
            }
            seen.put(p, new Seen(f, parents.contains(k)));
        }
        return new Result(umask, seen);
    }

    private static Integer parseOctal(String s) {
        try {
            return Integer.parseInt(s, 8);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

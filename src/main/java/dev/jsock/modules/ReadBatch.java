package dev.jsock.modules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Several read-only commands in one remote command, each in a subshell of its own (so none can
 * change the shell the next one runs in), with stdin from /dev/null and stderr discarded. Their
 * outputs are framed by lines carrying a random token, so no output can fake a frame: a command
 * whose frame is incomplete is left out of the result and its module runs it alone.
 */
final class ReadBatch {
    /** What one read printed and its exit code. */
    record Output(String stdout, int exitCode) {}

    private final String token = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);

    /** The shell text running every command of {@code reads}, after whatever ran before it. */
    String command(List<String> reads) {
        StringBuilder s = new StringBuilder("printf '\\n@@jsock-reads-").append(token).append("\\n'");
        for (int i = 0; i < reads.size(); i++) {
            s.append("; printf '@@jsock-read-").append(token).append(" %d\\n' ").append(i)
                    .append("; ( ").append(reads.get(i)).append("\n) </dev/null 2>/dev/null")
                    .append("; printf '\\n@@jsock-rc-").append(token).append(" %d %d\\n' ").append(i).append(" $?");
        }
        return s.toString();
    }

    /** The part of a batch's output before the reads (the file look's own output). */
    String before(String out) {
        int at = out.indexOf("\n@@jsock-reads-" + token + "\n");
        return at < 0 ? out : out.substring(0, at);
    }

    /** Each read whose frame is complete, by its command. */
    Map<String, Output> parse(String out, List<String> reads) {
        Map<String, Output> seen = new LinkedHashMap<>();
        int from = out.indexOf("\n@@jsock-reads-" + token + "\n");
        if (from < 0) return seen;
        for (int i = 0; i < reads.size(); i++) {
            String open = "@@jsock-read-" + token + " " + i + "\n";
            String close = "\n@@jsock-rc-" + token + " " + i + " ";
            int a = out.indexOf(open, from);
            if (a < 0) break;
            int b = out.indexOf(close, a + open.length());
            if (b < 0) break;
            int end = out.indexOf('\n', b + close.length());
            if (end < 0) break;
            try {
                int rc = Integer.parseInt(out.substring(b + close.length(), end));
                seen.put(reads.get(i), new Output(out.substring(a + open.length(), b), rc));
            } catch (NumberFormatException e) {
                break;
            }
            from = end;
        }
        return seen;
    }
}

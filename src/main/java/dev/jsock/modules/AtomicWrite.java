package dev.jsock.modules;

import dev.jsock.transport.ShellQuote;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The one remote command that replaces a file atomically: the new bytes (on stdin) go to a hidden
 * temp file next to the destination, created with umask 077 and noclobber so nobody else can read
 * or pre-create it; owner and mode are set and the optional validate command is run on the temp
 * file; only then is it renamed over the destination. Any failed step removes the temp file and
 * names itself on stderr as {@code jsock-step=NAME}. On success the destination's facts are printed.
 */
final class AtomicWrite {
    static final String STEP_MARK = "jsock-step=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWrite() {}

    /** A hidden temp name in the destination's own directory, so the final rename never crosses file systems. */
    static String tempPath(String dest) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String base = RemotePaths.basename(dest);
        if (base.length() > 100) base = base.substring(0, 100);
        return RemotePaths.join(RemotePaths.parent(dest), "." + base + ".jsock-tmp-" + HexFormat.of().formatHex(b));
    }

    /**
     * @param chown      owner:group spec for the temp file, or null
     * @param chownStrict false when we only try to keep an existing file's owner (may fail as non-root)
     * @param validate   argv of the validate command with the temp path already substituted, or null
     * @param size       how many bytes stdin carries: a connection cut mid-upload ends cat's input
     *                   early with a clean EOF, so only the byte count tells a truncated upload apart
     */
    static String command(String dest, String tmp, String chown, boolean chownStrict, int mode, List<String> validate, long size) {
        return command(dest, tmp, chown, chownStrict, mode, validate, size, false, null);
    }

    /**
     * @param backup copy the file about to be replaced first (mode, owner and times kept) to Ansible's
     *               backup name, DEST.PID.YYYY-MM-DD@HH:MM:SS~ in the host's local time; its name is
     *               printed in an {@code @@backup} section ({@link #backupFile})
     * @param remoteSource a file on the host to copy instead of stdin, or null
     */
    static String command(String dest, String tmp, String chown, boolean chownStrict, int mode, List<String> validate, long size,
                          boolean backup, String remoteSource) {
        StringBuilder s = new StringBuilder();
        s.append("t=").append(ShellQuote.quote(tmp)).append("; ");
        s.append("fail() { rc=$?; rm -f -- \"$t\"; printf '").append(STEP_MARK).append("%s\\n' \"$1\" >&2; exit \"$rc\"; }; ");
        // the bytes come on stdin, or from a file on the host itself (copy's remote_src)
        String from = remoteSource == null ? "" : " -- " + ShellQuote.quote(remoteSource);
        s.append("(umask 077; set -C; cat").append(from).append(" > \"$t\") || fail upload; ");
        s.append("[ \"$(wc -c < \"$t\")\" -eq ").append(size).append(" ] || fail upload; ");
        if (chown != null) {
            if (chownStrict) s.append("chown -- ").append(ShellQuote.quote(chown)).append(" \"$t\" || fail chown; ");
            else s.append("chown -- ").append(ShellQuote.quote(chown)).append(" \"$t\" 2>/dev/null; ");
        }
        s.append("chmod -- ").append(FileAttrs.octal(mode)).append(" \"$t\" || fail chmod; ");
        if (validate != null) s.append(ShellQuote.join(validate)).append(" 1>&2 || fail validate; ");
        if (backup) {
            String d = ShellQuote.quote(dest);
            s.append("b=").append(d).append(".$$.$(date +%Y-%m-%d@%H:%M:%S~); cp -p -- ").append(d)
                    .append(" \"$b\" || fail backup; printf '@@backup\\nfile=%s\\n' \"$b\"; ");
        }
        s.append("mv -f -- \"$t\" ").append(ShellQuote.quote(dest)).append(" || fail rename; ");
        s.append(FileFacts.command(dest));
        return s.toString();
    }

    /** The backup's path printed by a {@link #command} with backup, or null. */
    static String backupFile(String stdout) {
        return FileFacts.section(stdout, "@@backup").get("file");
    }

    /** The step that failed, from the command's stderr, or "" when none was named. */
    static String failedStep(String stderr) {
        int i = stderr.lastIndexOf(STEP_MARK);
        if (i < 0) return "";
        String rest = stderr.substring(i + STEP_MARK.length());
        int nl = rest.indexOf('\n');
        return nl < 0 ? rest.strip() : rest.substring(0, nl);
    }

    /** stderr without our own step marker. */
    static String cleanStderr(String stderr) {
        int i = stderr.lastIndexOf(STEP_MARK);
        return i < 0 ? stderr : stderr.substring(0, i);
    }
}

package dev.jsock.modules;

import dev.jsock.transport.ShellQuote;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one remote path is, gathered in a single command: type, mode, owner, size, link target and
 * (for readable regular files) the SHA-1 of its content. {@link #command} prints it, {@link #parse}
 * reads it back; the parser is pure so it can be tested with recorded output.
 */
record FileFacts(boolean exists, String type, int mode, int uid, int gid, String owner, String group,
                 long size, long mtime, String linkTarget, String sha1) {

    static final FileFacts ABSENT = new FileFacts(false, "absent", 0, -1, -1, null, null, 0, 0, null, null);

    boolean isDir() {
        return "directory".equals(type);
    }

    boolean isReg() {
        return "file".equals(type);
    }

    boolean isLink() {
        return "link".equals(type);
    }

    /** Mode as Ansible prints it: a 0, then at least three octal digits ("0644", "01777"). */
    String modeString() {
        return String.format("0%03o", mode & 07777);
    }

    /** Shell text printing the facts of {@code path}, each on a {@code key=value} line after a {@code @@path} header. */
    static String command(String path) {
        String p = ShellQuote.quote(path);
        // one brace group, so that "fix && facts" fails when the fix fails (without it only the
        // first assignment was bound by the &&, and a failed chown reported a change)
        return "{ p=" + p + "; printf '@@path\\n'; if [ -e \"$p\" ] || [ -L \"$p\" ]; then "
                + "stat -c 'stat=%F|%a|%u|%g|%U|%G|%s|%Y' -- \"$p\"; "
                + "if [ -L \"$p\" ]; then printf 'link=%s\\n' \"$(readlink -- \"$p\")\"; "
                + "elif [ -f \"$p\" ] && [ -r \"$p\" ]; then printf 'sha1=%s\\n' \"$(sha1sum < \"$p\" | cut -d' ' -f1)\"; fi; "
                + "else echo stat=absent; fi; }";
    }

    /**
     * Shell text printing the umask in an {@code @@env} section ({@code parent=1} there when the
     * parent directory of {@code path} exists), then the {@link #command} section of {@code path}.
     */
    static String probeCommand(String path) {
        return "printf '@@env\\n'; echo \"umask=$(umask)\"; if [ -d " + ShellQuote.quote(RemotePaths.parent(path))
                + " ]; then echo parent=1; fi; " + command(path);
    }

    /** Parses the output of {@link #command}; text before the header (or other sections) is ignored. */
    static FileFacts parse(String out) {
        return of(section(out, "@@path"));
    }

    /** The facts in one section's key=value lines (absent when it has no stat line). */
    static FileFacts of(Map<String, String> kv) {
        String stat = kv.getOrDefault("stat", "absent");
        if (stat.equals("absent")) return ABSENT;
        String[] f = stat.split("\\|", -1);
        if (f.length < 8) throw new IllegalStateException("unexpected stat output: " + stat);
        return new FileFacts(true, typeOf(f[0]), Integer.parseInt(f[1], 8), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                f[4], f[5], Long.parseLong(f[6]), Long.parseLong(f[7]), kv.get("link"), kv.get("sha1"));
    }

    /** The key=value lines after {@code header} up to the next line starting with "@@". */
    static Map<String, String> section(String out, String header) {
        Map<String, String> kv = new LinkedHashMap<>();
        boolean in = false;
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("@@")) {
                in = line.equals(header);
                continue;
            }
            int eq = line.indexOf('=');
            if (in && eq > 0) kv.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return kv;
    }

    private static String typeOf(String statType) {
        if (statType.startsWith("regular")) return "file";
        if (statType.equals("directory")) return "directory";
        if (statType.equals("symbolic link")) return "link";
        if (statType.equals("socket")) return "socket";
        if (statType.equals("fifo")) return "fifo";
        return statType.replace(' ', '_');
    }

    /** The stat keys Ansible's file-like modules return (owner, group, mode, size, state, uid, gid). */
    Map<String, Object> attrs() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!exists) return m;
        m.put("gid", gid);
        m.put("group", group);
        m.put("mode", modeString());
        m.put("owner", owner);
        m.put("size", size);
        m.put("state", isLink() ? "link" : isDir() ? "directory" : isReg() ? "file" : type);
        m.put("uid", uid);
        return m;
    }
}

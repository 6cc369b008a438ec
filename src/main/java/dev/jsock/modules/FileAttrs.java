package dev.jsock.modules;

import dev.jsock.transport.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/** The owner, group and mode a task asks for (each may be absent: then it is left as it is). */
record FileAttrs(String owner, String group, ModeSpec mode) {

    static FileAttrs from(ModuleArgs a) {
        return new FileAttrs(a.str("owner"), a.str("group"), ModeSpec.parse(a.raw("mode")));
    }

    boolean ownerDiffers(FileFacts f) {
        return owner != null && !matches(owner, f.owner(), f.uid());
    }

    boolean groupDiffers(FileFacts f) {
        return group != null && !matches(group, f.group(), f.gid());
    }

    boolean modeDiffers(FileFacts f) {
        return mode != null && mode.apply(f.mode(), f.isDir()) != (f.mode() & 07777);
    }

    boolean differs(FileFacts f) {
        return ownerDiffers(f) || groupDiffers(f) || modeDiffers(f);
    }

    /** chown/chmod commands that bring an existing path to these attributes; empty when it already has them. */
    List<String> fixCommands(String path, FileFacts f, boolean noFollow) {
        List<String> cmds = new ArrayList<>();
        String q = ShellQuote.quote(path);
        String h = noFollow ? "-h " : "";
        if (ownerDiffers(f) || groupDiffers(f)) cmds.add("chown " + h + "-- " + ShellQuote.quote(chownSpec()) + " " + q);
        if (modeDiffers(f) && !f.isLink()) cmds.add("chmod -- " + octal(mode.apply(f.mode(), f.isDir())) + " " + q);
        return cmds;
    }

    /** "owner:group", "owner" or ":group" for chown. */
    String chownSpec() {
        if (owner != null && group != null) return owner + ":" + group;
        return owner != null ? owner : ":" + group;
    }

    static String octal(int mode) {
        return String.format("%04o", mode);
    }

    private static boolean matches(String wanted, String name, int id) {
        if (wanted.chars().allMatch(Character::isDigit)) return Integer.parseInt(wanted) == id;
        return wanted.equals(name);
    }

    /** Ansible's wording for a chown that failed because the name does not exist. */
    String chownFailure(String stderr) {
        if (stderr.contains("invalid user")) return "chown failed: failed to look up user " + owner;
        if (stderr.contains("invalid group")) return "chgrp failed: failed to look up group " + group;
        return "chown failed: " + stderr.strip();
    }
}

package dev.jsock.modules;

import dev.jsock.model.TaskResult;
import dev.jsock.transport.UnreachableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Ansible's stat, reduced to the keys playbooks test: exists, type flags, mode, owner, size, checksum. */
final class StatModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("path", "get_checksum", "checksum_algorithm", "follow", "get_mime", "get_attributes", "get_md5");

    @Override
    public boolean readOnlyWhenUnchanged() {
        return true;
    }

    @Override
    public String name() {
        return "stat";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        String path = a.str("path");
        if (path == null) throw new ModuleArgs.BadArgument("missing required arguments: path");
        a.allowOnly("stat", PARAMS);
        a.choice("checksum_algorithm", "sha1", "sha1");
        FileFacts f = ctx.files().lookup(new Remote(ctx), ctx.become(), path).facts();
        return TaskResult.ok(Map.of("stat", toStat(path, f, a.bool("get_checksum", true))));
    }

    static Map<String, Object> toStat(String path, FileFacts f, boolean checksum) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("exists", f.exists());
        if (!f.exists()) return s;
        if (checksum && f.isReg() && f.sha1() != null) s.put("checksum", f.sha1());
        s.put("gid", f.gid());
        s.put("gr_name", f.group());
        s.put("isdir", f.isDir());
        s.put("islnk", f.isLink());
        s.put("isreg", f.isReg());
        s.put("issock", "socket".equals(f.type()));
        s.put("isfifo", "fifo".equals(f.type()));
        if (f.isLink()) s.put("lnk_target", f.linkTarget());
        s.put("mode", String.format("%04o", f.mode() & 07777)); // the stat module prints four digits ("1777"), the file modules "0%03o"
        s.put("mtime", f.mtime());
        // the permission bits, each as Ansible's stat names it
        int m = f.mode();
        String[] bits = {"rusr", "wusr", "xusr", "rgrp", "wgrp", "xgrp", "roth", "woth", "xoth"};
        for (int i = 0; i < bits.length; i++) s.put(bits[i], (m & (0400 >> i)) != 0);
        s.put("isuid", (m & 04000) != 0);
        s.put("isgid", (m & 02000) != 0);
        s.put("path", path);
        s.put("pw_name", f.owner());
        s.put("size", f.size());
        s.put("uid", f.uid());
        return s;
    }
}

package dev.jsock.modules;

import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file module's {@code recurse: true}: owner, group and mode brought to what the task asks
 * for everything under a directory. One command lists the tree (type, mode, owner, group of each
 * entry, NUL-separated, so any file name is safe); the wish is compared per entry, as Ansible does
 * (a symbolic mode such as u=rwX,g=rX applies per entry, directories differently from files); then
 * only differing entries are changed, their paths fed to xargs on stdin so a large tree never
 * meets the length limit of a command line. A symbolic link gets the owner itself (as lchown),
 * never a mode; with follow (the default, as in Ansible) what it points to gets the attributes too,
 * and a linked directory its contents (one level of links deep).
 */
final class RecursiveAttrs {
    /** One entry under the directory as find printed it. */
    record Entry(String path, char type, int mode, String owner, String group, int uid, int gid) {
        FileFacts facts() {
            String t = type == 'd' ? "directory" : type == 'l' ? "link" : "file";
            return new FileFacts(true, t, mode, uid, gid, owner, group, 0, 0, null, null);
        }
    }

    private RecursiveAttrs() {}

    private static final String FORMAT = " -printf '%y|%m|%u|%g|%U|%G|%p\\0'";

    static String listCommand(String dir) {
        return "find " + ShellQuote.quote(dir) + " -mindepth 1" + FORMAT;
    }

    /** The targets of links, listed through the links (find -H): a link to a directory lists its contents too. */
    static String listThroughLinksCommand(List<String> links) {
        StringBuilder s = new StringBuilder("find -H");
        for (String l : links) s.append(' ').append(ShellQuote.quote(l));
        return s.append(FORMAT).append(" 2>/dev/null; true").toString();
    }

    /** Parses {@link #listCommand} output (records end with NUL; a path may hold '|' and newlines). */
    static List<Entry> parse(String out) {
        List<Entry> entries = new ArrayList<>();
        for (String rec : out.split("\0")) {
            if (rec.isEmpty()) continue;
            String[] f = rec.split("\\|", 7);
            if (f.length < 7) continue;
            entries.add(new Entry(f[6], f[0].charAt(0), Integer.parseInt(f[1], 8), f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5])));
        }
        return entries;
    }

    /**
     * What to change: paths whose owner or group differ (the path itself, a link included, and
     * link paths standing for their targets), and per target mode the paths that need it.
     */
    record Plan(List<String> chown, List<String> chownTargets, Map<Integer, List<String>> chmod) {
        boolean empty() {
            return chown.isEmpty() && chownTargets.isEmpty() && chmod.isEmpty();
        }
    }

    /** @param throughLinks entries listed through links; those whose path is a link's own stand for its target */
    static Plan plan(List<Entry> entries, List<Entry> throughLinks, java.util.Set<String> links, FileAttrs attrs) {
        List<String> chown = new ArrayList<>();
        List<String> chownTargets = new ArrayList<>();
        Map<Integer, List<String>> chmod = new TreeMap<>();
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(throughLinks);
        for (int i = 0; i < all.size(); i++) {
            Entry e = all.get(i);
            boolean target = i >= entries.size() && links.contains(e.path());
            if (target && e.type() == 'l') continue; // a dangling link: nothing to follow to
            FileFacts f = e.facts();
            if (attrs.ownerDiffers(f) || attrs.groupDiffers(f)) (target ? chownTargets : chown).add(e.path());
            if (e.type() != 'l' && attrs.modeDiffers(f)) {
                chmod.computeIfAbsent(attrs.mode().apply(e.mode(), e.type() == 'd'), m -> new ArrayList<>()).add(e.path());
            }
        }
        return new Plan(chown, chownTargets, chmod);
    }

    /** Whether anything under {@code dir} differs from the wish; unless checking, it is changed. Null on success, else the failure message. */
    static Result apply(Remote remote, String dir, FileAttrs attrs, boolean follow, boolean check) throws UnreachableException {
        if (attrs.owner() == null && attrs.group() == null && attrs.mode() == null) return new Result(false, null);
        CommandResult listed = remote.look(listCommand(dir));
        if (!listed.ok()) return new Result(false, "could not list " + dir + ": " + listed.stderr().strip());
        List<Entry> entries = parse(listed.stdout());
        List<String> links = entries.stream().filter(e -> e.type() == 'l').map(Entry::path).toList();
        List<Entry> throughLinks = follow && !links.isEmpty() ? parse(remote.look(listThroughLinksCommand(links)).stdout()) : List.of();
        Plan plan = plan(entries, throughLinks, java.util.Set.copyOf(links), attrs);
        if (plan.empty() || check) return new Result(!plan.empty(), null);
        if (!plan.chown().isEmpty()) {
            CommandResult r = remote.run("xargs -0 -r chown -h -- " + ShellQuote.quote(attrs.chownSpec()), nulJoined(plan.chown()));
            if (!r.ok()) return new Result(true, attrs.chownFailure(r.stderr()));
        }
        if (!plan.chownTargets().isEmpty()) {
            CommandResult r = remote.run("xargs -0 -r chown -- " + ShellQuote.quote(attrs.chownSpec()), nulJoined(plan.chownTargets()));
            if (!r.ok()) return new Result(true, attrs.chownFailure(r.stderr()));
        }
        for (Map.Entry<Integer, List<String>> m : plan.chmod().entrySet()) {
            CommandResult r = remote.run("xargs -0 -r chmod -- " + FileAttrs.octal(m.getKey()), nulJoined(m.getValue()));
            if (!r.ok()) return new Result(true, "chmod failed: " + r.stderr().strip());
        }
        return new Result(true, null);
    }

    record Result(boolean changed, String failure) {}

    private static byte[] nulJoined(List<String> paths) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String p : paths) {
            b.writeBytes(p.getBytes(StandardCharsets.UTF_8));
            b.write(0);
        }
        return b.toByteArray();
    }
}

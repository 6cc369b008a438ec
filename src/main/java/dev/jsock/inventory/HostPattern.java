package dev.jsock.inventory;

import dev.jsock.model.Group;
import dev.jsock.model.Inventory;
import dev.jsock.model.UserError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible host patterns: "all" or "*", group and host names, shell globs, "~regex", unions with
 * ',' or ':', intersections "&x", exclusions "!x", and subscripts "group[0]", "group[1:3]",
 * "group[-1]". Regular parts are applied first, then intersections, then exclusions, whatever
 * their order, as in Ansible. Names that match nothing select nothing; {@link #unmatched} lists
 * them so the caller can warn "Could not match supplied host pattern, ignoring: x".
 */
public final class HostPattern {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))]$");

    private HostPattern() {}

    /** Host names selected by the pattern, in inventory order, without duplicates. The implicit localhost is included when named. */
    public static List<String> select(Inventory inv, String pattern) {
        List<String> parts = withLimitFiles(split(pattern));
        List<String> regular = new ArrayList<>();
        List<String> and = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (String p : parts) {
            if (p.startsWith("!")) not.add(p.substring(1));
            else if (p.startsWith("&")) and.add(p.substring(1));
            else regular.add(p);
        }
        if (regular.isEmpty()) regular.add("all");
        Set<String> hosts = new LinkedHashSet<>();
        for (String p : regular) hosts.addAll(matchOne(inv, p));
        for (String p : and) hosts.retainAll(new LinkedHashSet<>(matchOne(inv, p)));
        for (String p : not) matchOne(inv, p).forEach(hosts::remove);
        return List.copyOf(hosts);
    }

    /** "@file" (a retry file, --limit @site.retry) stands for the host names on its lines, as in Ansible. */
    private static List<String> withLimitFiles(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.startsWith("@")) {
                out.add(p);
                continue;
            }
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(p.substring(1)))) {
                    if (!line.isBlank()) out.add(line.strip());
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                throw new UserError(UserError.Kind.GENERAL, null, "Unable to find limit file b'" + p.substring(1) + "'");
            }
        }
        return out;
    }

    /** The parts of the pattern that matched no host or group (for Ansible's warning). */
    public static List<String> unmatched(Inventory inv, String pattern) {
        List<String> out = new ArrayList<>();
        for (String p : withLimitFiles(split(pattern))) {
            String bare = p.startsWith("!") || p.startsWith("&") ? p.substring(1) : p;
            if (!bare.equals("all") && matchOne(inv, bare).isEmpty()) out.add(bare);
        }
        return out;
    }

    /** Splits on ',' when present; otherwise on ':' outside brackets (the legacy separator), keeping IPv6-looking single names whole. */
    static List<String> split(String pattern) {
        List<String> out = new ArrayList<>();
        if (pattern.contains(",")) {
            for (String p : pattern.split(",")) if (!p.isBlank()) out.add(p.strip());
            return out;
        }
        String s = pattern.strip();
        if (s.chars().filter(c -> c == ':').count() > 1 && s.matches("[0-9a-fA-F:.]+")) return List.of(s);
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '[') depth++;
            if (c == ']') depth--;
            if ((c == ':' && depth == 0) || (Character.isWhitespace(c) && depth == 0)) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    private static List<String> matchOne(Inventory inv, String pattern) {
        if (inv.hosts().containsKey(pattern)) return List.of(pattern);
        String expr = pattern;
        int[] slice = null;
        Matcher m = SUBSCRIPT.matcher(pattern);
        if (!pattern.startsWith("~") && m.matches()) {
            expr = m.group(1);
            if (m.group(2) != null) slice = new int[] {Integer.parseInt(m.group(2)), Integer.MIN_VALUE};
            else slice = new int[] {Integer.parseInt(m.group(3)), m.group(5).isEmpty() ? -1 : Integer.parseInt(m.group(5))};
        }
        List<String> hosts = enumerate(inv, expr);
        if (slice == null || hosts.isEmpty()) return hosts;
        return applySlice(hosts, slice, pattern);
    }

    private static List<String> applySlice(List<String> hosts, int[] slice, String pattern) {
        int start = slice[0];
        if (slice[1] == Integer.MIN_VALUE) {
            int idx = start < 0 ? hosts.size() + start : start;
            if (idx < 0 || idx >= hosts.size()) throw UserError.options("No hosts matched the subscripted pattern '" + pattern + "'");
            return List.of(hosts.get(idx));
        }
        int end = slice[1] == -1 ? hosts.size() - 1 : slice[1];
        if (start >= hosts.size()) return List.of();
        return List.copyOf(hosts.subList(start, Math.min(end + 1, hosts.size())));
    }

    private static List<String> enumerate(Inventory inv, String expr) {
        Pattern re = compile(expr);
        Set<String> out = new LinkedHashSet<>();
        boolean groupMatched = false;
        for (Group g : inv.groups().values()) {
            if (re.matcher(g.name()).matches() || (expr.startsWith("~") && re.matcher(g.name()).lookingAt())) {
                groupMatched = true;
                out.addAll(hostsOf(inv, g));
            }
        }
        boolean special = expr.startsWith("~") || expr.contains(".") || expr.contains("?") || expr.contains("*") || expr.contains("[");
        if (!groupMatched || special) {
            Set<String> listed = listedHosts(inv);
            for (String h : inv.hosts().keySet()) {
                if (!listed.contains(h)) continue;
                if (expr.startsWith("~") ? re.matcher(h).lookingAt() : re.matcher(h).matches()) out.add(h);
            }
        }
        if (out.isEmpty() && InventoryLoader.isLocalhostName(expr)) out.add(expr);
        return List.copyOf(out);
    }

    /** A group's hosts and its descendants' hosts, breadth first, in inventory order ("all" lists every inventory host). */
    private static List<String> hostsOf(Inventory inv, Group group) {
        Set<String> out = new LinkedHashSet<>();
        if (group.name().equals("all")) {
            Set<String> listed = listedHosts(inv);
            for (String h : inv.hosts().keySet()) if (listed.contains(h)) out.add(h);
            return List.copyOf(out);
        }
        List<Group> queue = new ArrayList<>(List.of(group));
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            Group g = queue.remove(0);
            if (!seen.add(g.name())) continue;
            out.addAll(g.hosts());
            for (String c : g.children()) {
                Group cg = inv.groups().get(c);
                if (cg != null) queue.add(cg);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Hosts some group lists: all of the inventory's but the implicit localhost, which "all" must
     * not select. Gathered once per pattern (asking every group for every host was quadratic: 50,000
     * hosts took seconds).
     */
    private static Set<String> listedHosts(Inventory inv) {
        Set<String> listed = new java.util.HashSet<>();
        for (Group g : inv.groups().values()) listed.addAll(g.hosts());
        return listed;
    }

    private static Pattern compile(String expr) {
        try {
            return expr.startsWith("~") ? Pattern.compile(expr.substring(1)) : Pattern.compile(glob(expr));
        } catch (PatternSyntaxException e) {
            throw UserError.options("Invalid host list pattern: " + expr);
        }
    }

    /** fnmatch: * ? [seq] [!seq]. */
    private static String glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = g.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = g.substring(i + 1, close);
                        if (body.startsWith("!")) body = "^" + body.substring(1);
                        re.append('[').append(body.replace("\\", "\\\\")).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}

package dev.jsock.cli;

import dev.jsock.inventory.HostPattern;
import dev.jsock.model.Inventory;
import dev.jsock.model.Play;
import dev.jsock.model.Playbook;
import dev.jsock.model.RoleRef;
import dev.jsock.model.Task;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** ansible-playbook's --syntax-check, --list-hosts and --list-tasks, printed the way it prints them. */
final class PlaybookListing {
    private PlaybookListing() {}

    static void syntaxOk(PrintWriter out, String playbookArg) {
        playbookHeader(out, playbookArg);
    }

    private static void playbookHeader(PrintWriter out, String playbookArg) {
        out.println();
        out.println("playbook: " + playbookArg);
    }

    /** "  play #N (hosts): name<TAB>TAGS: [...]", after an empty line. */
    private static void playHeader(PrintWriter out, int n, Play p) {
        out.println();
        out.println("  play #" + n + " (" + p.hosts() + "): " + p.displayName() + "\tTAGS: " + tags(p.tags()));
    }

    static void hosts(PrintWriter out, String playbookArg, Playbook pb, Inventory inv, String limit) {
        playbookHeader(out, playbookArg);
        int n = 1;
        for (Play p : pb.plays()) {
            List<String> hosts = new ArrayList<>(HostPattern.select(inv, p.hosts()));
            if (limit != null) hosts.retainAll(HostPattern.select(inv, limit));
            playHeader(out, n++, p);
            out.println("    pattern: ['" + p.hosts() + "']");
            out.println("    hosts (" + hosts.size() + "):");
            for (String h : hosts) out.println("      " + h);
        }
        out.flush();
    }

    /** ansible-playbook --list-tasks: each task with every tag it has (its own and inherited, sorted), as -t/--skip-tags select them. */
    static void tasks(PrintWriter out, String playbookArg, Playbook pb, List<String> only, List<String> skip) {
        playbookHeader(out, playbookArg);
        int n = 1;
        for (Play p : pb.plays()) {
            playHeader(out, n++, p);
            out.println("    tasks:");
            for (Listed t : listed(p, only, skip)) out.println("      " + t.name() + "\tTAGS: " + tags(t.tags()));
        }
        out.flush();
    }

    /** ansible-playbook --list-tags: per play, every tag its selected tasks carry (their own and inherited). */
    static void tags(PrintWriter out, String playbookArg, Playbook pb, List<String> only, List<String> skip) {
        playbookHeader(out, playbookArg);
        int n = 1;
        for (Play p : pb.plays()) {
            java.util.TreeSet<String> all = new java.util.TreeSet<>();
            for (Listed t : listed(p, only, skip)) all.addAll(t.tags());
            playHeader(out, n++, p);
            out.println("      TASK TAGS: " + tags(List.copyOf(all)));
        }
        out.flush();
    }

    /** A task as the listings show it: its title and all its tags, sorted. */
    private record Listed(String name, List<String> tags) {}

    private static List<Listed> listed(Play p, List<String> only, List<String> skip) {
        dev.jsock.exec.TagFilter filter = new dev.jsock.exec.TagFilter(only, skip);
        List<Listed> out = new ArrayList<>();
        collect(out, p.preTasks(), p.tags(), filter);
        for (RoleRef r : p.roles()) collect(out, r.role().tasks(), concat(p.tags(), r.tags()), filter);
        collect(out, p.tasks(), p.tags(), filter);
        collect(out, p.postTasks(), p.tags(), filter);
        return out;
    }

    private static void collect(List<Listed> out, List<Task> tasks, List<String> inherited, dev.jsock.exec.TagFilter filter) {
        for (Task t : tasks) {
            List<String> all = concat(inherited, t.tags());
            if (t.isBlock()) {
                collect(out, t.block(), all, filter); // Ansible lists a block's tasks, not its rescue or always
            } else if (filter.selects(all)) {
                // as Ansible lists them: explicit meta tasks too, and an include by its action alone
                String base = t.name() != null ? t.name() : t.action();
                String name = t.role() != null ? t.role().name() + " : " + base : base;
                out.add(new Listed(name, new java.util.TreeSet<>(all).stream().toList()));
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String tags(List<String> tags) {
        return "[" + String.join(", ", tags) + "]";
    }
}

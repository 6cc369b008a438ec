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
        out.println();
        out.println("playbook: " + playbookArg);
    }

    static void hosts(PrintWriter out, String playbookArg, Playbook pb, Inventory inv, String limit) {
        out.println();
        out.println("playbook: " + playbookArg);
        int n = 1;
        for (Play p : pb.plays()) {
            List<String> hosts = new ArrayList<>(HostPattern.select(inv, p.hosts()));
            if (limit != null) hosts.retainAll(HostPattern.select(inv, limit));
            out.println();
            out.println("  play #" + n++ + " (" + p.hosts() + "): " + p.displayName() + "\tTAGS: " + tags(p.tags()));
            out.println("    pattern: ['" + p.hosts() + "']");
            out.println("    hosts (" + hosts.size() + "):");
            for (String h : hosts) out.println("      " + h);
        }
        out.flush();
    }

    static void tasks(PrintWriter out, String playbookArg, Playbook pb) {
        out.println();
        out.println("playbook: " + playbookArg);
        int n = 1;
        for (Play p : pb.plays()) {
            out.println();
            out.println("  play #" + n++ + " (" + p.hosts() + "): " + p.displayName() + "\tTAGS: " + tags(p.tags()));
            out.println("    tasks:");
            List<Task> all = new ArrayList<>(p.preTasks());
            for (RoleRef r : p.roles()) all.addAll(r.role().tasks());
            all.addAll(p.tasks());
            all.addAll(p.postTasks());
            print(out, all);
        }
        out.flush();
    }

    private static void print(PrintWriter out, List<Task> tasks) {
        for (Task t : tasks) {
            if (t.isBlock()) {
                print(out, t.block()); // Ansible lists a block's tasks, not its rescue or always
            } else if (!t.action().equals("meta")) {
                out.println("      " + t.displayName() + "\tTAGS: " + tags(t.tags()));
            }
        }
    }

    private static String tags(List<String> tags) {
        return "[" + String.join(", ", tags) + "]";
    }
}

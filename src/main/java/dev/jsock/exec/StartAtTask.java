package dev.jsock.exec;

import dev.jsock.model.Play;
import dev.jsock.model.RoleRef;
import dev.jsock.model.Task;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ansible-playbook's --start-at-task: plays before the one holding the named task run nothing (not
 * even fact gathering); in that play every task before it is passed over without a word, and the
 * run goes on normally from it. A task is named by its name or its "role : name" title, exactly or
 * as a shell pattern. Tasks of dynamic includes are not looked into, as Ansible cannot see them
 * before they run; a block's rescue is not either, since no task failed to get there.
 */
final class StartAtTask {
    private final String wanted;
    private final Pattern glob;

    StartAtTask(String wanted) {
        this.wanted = wanted;
        this.glob = Pattern.compile(globToRegex(wanted), Pattern.DOTALL);
    }

    boolean matches(Task task) {
        String title = task.displayName();
        if (title.equals(wanted) || glob.matcher(title).matches()) return true;
        return task.name() != null && (task.name().equals(wanted) || glob.matcher(task.name()).matches());
    }

    /** Whether the play holds the task in what Ansible walks to find it. */
    boolean foundIn(Play play) {
        if (any(play.preTasks()) || any(play.tasks()) || any(play.postTasks())) return true;
        for (RoleRef r : play.roles()) if (any(r.role().tasks())) return true;
        return false;
    }

    private boolean any(List<Task> tasks) {
        for (Task t : tasks) {
            if (t.isBlock() ? any(t.block()) || any(t.always()) : matches(t)) return true;
        }
        return false;
    }

    /** Python's fnmatch: '*', '?', '[seq]' and '[!seq]', everything else literal. */
    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        if (set.startsWith("!")) set = "^" + set.substring(1);
                        re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}

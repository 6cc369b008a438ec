package dev.jsock.exec;

import dev.jsock.model.TaskResult;
import java.util.List;
import java.util.Map;

/**
 * Events of a run, in the order they happen. Reporters implement this; calls come from several
 * host threads, so implementations synchronise (the executor already serialises per task).
 */
public interface RunListener {
    default void playStarted(String name, List<String> hosts) {}

    /** A task (or handler, or "Gathering Facts") is about to run on one or more hosts. */
    default void taskStarted(String name, boolean handler) {}

    /** One host's result for the current task; {@code item} is the loop label, null without a loop. */
    default void hostResult(String host, String task, TaskResult result, Object item, boolean ignored, boolean noLog) {}

    /** The aggregate of a loop whose items were already reported one by one. */
    default void loopFinished(String host, String task, TaskResult result, boolean ignored) {}

    /** An until-loop attempt did not satisfy its condition; {@code left} attempts remain. */
    default void retrying(String host, String task, int left) {}

    /** include_role ran on a host: Ansible prints nothing and counts nothing, but its JSON report has the task. */
    default void roleIncluded(String host, String role) {}

    /** "included: FILE for HOST", with " => (item=ITEM)" for an item of a looped include. */
    default void included(String file, String host, Object item) {}

    /** One included file (and item) for the hosts that included it in one step; per host unless a listener groups them. */
    default void included(String file, List<String> hosts, Object item) {
        for (String h : hosts) included(file, h, item);
    }

    default void warning(String message) {}

    /** An error of the run that does not end it ("No matching task ... found" for --start-at-task). */
    default void error(String message) {
        warning(message);
    }

    /** A command about to run on a host (reported at -vvv; secrets already masked). */
    default void remoteCommand(String host, String command) {}

    /** No hosts matched the play's pattern. */
    default void noHostsMatched() {}

    /** Every host of the play failed with tasks still to run: the play (and the playbook) ends. */
    default void noHostsRemaining() {}

    default void recap(Map<String, HostStats> stats) {}
}

package dev.jsock.exec;

import dev.jsock.model.TaskResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** After Ctrl-C, hosts unwinding their interrupted commands report nothing more: the run ends with its interrupt message. */
final class QuietAfterInterrupt implements RunListener {
    private final RunListener inner;
    private final AtomicBoolean interrupted;

    QuietAfterInterrupt(RunListener inner, AtomicBoolean interrupted) {
        this.inner = inner;
        this.interrupted = interrupted;
    }

    @Override
    public void playStarted(String name, List<String> hosts) {
        if (!interrupted.get()) inner.playStarted(name, hosts);
    }

    @Override
    public void taskStarted(String name, boolean handler) {
        if (!interrupted.get()) inner.taskStarted(name, handler);
    }

    @Override
    public void hostResult(String host, String task, TaskResult result, Object item, boolean ignored, boolean noLog) {
        if (!interrupted.get()) inner.hostResult(host, task, result, item, ignored, noLog);
    }

    @Override
    public void loopFinished(String host, String task, TaskResult result, boolean ignored) {
        if (!interrupted.get()) inner.loopFinished(host, task, result, ignored);
    }

    @Override
    public void retrying(String host, String task, int left) {
        if (!interrupted.get()) inner.retrying(host, task, left);
    }

    @Override
    public void roleIncluded(String host, String role) {
        if (!interrupted.get()) inner.roleIncluded(host, role);
    }

    @Override
    public void included(String file, String host, Object item) {
        if (!interrupted.get()) inner.included(file, host, item);
    }

    @Override
    public void included(String file, java.util.List<String> hosts, Object item) {
        if (!interrupted.get()) inner.included(file, hosts, item);
    }

    @Override
    public void warning(String message) {
        if (!interrupted.get()) inner.warning(message);
    }

    @Override
    public void error(String message) {
        if (!interrupted.get()) inner.error(message);
    }

    @Override
    public void remoteCommand(String host, String command) {
        if (!interrupted.get()) inner.remoteCommand(host, command);
    }

    @Override
    public void noHostsMatched() {
        if (!interrupted.get()) inner.noHostsMatched();
    }

    @Override
    public void noHostsRemaining() {
        if (!interrupted.get()) inner.noHostsRemaining();
    }

    @Override
    public void recap(Map<String, HostStats> stats) {
        if (!interrupted.get()) inner.recap(stats);
    }
}

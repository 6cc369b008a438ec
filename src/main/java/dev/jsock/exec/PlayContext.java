package dev.jsock.exec;

import dev.jsock.model.Inventory;
import dev.jsock.model.Play;
import dev.jsock.modules.ModuleRegistry;
import dev.jsock.template.Templar;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/** What every host of one play shares: the play, its collaborators and the run's options. */
record PlayContext(
        Play play,
        Path playbookDir,
        List<String> hosts,
        Inventory inventory,
        Map<String, HostState> hostStates,
        Map<String, Object> playVars,
        Map<String, Object> roleDefaults,
        Map<String, Object> roleVars,
        Map<String, Object> groups,
        RunRequest request,
        Templar templar,
        ModuleRegistry modules,
        Includes includes,
        ConnectionFactory connections,
        RunListener listener,
        HandlerTable handlers,
        Semaphore forks,
        StepGate gate,
        TaskMode mode,
        java.util.concurrent.atomic.AtomicBoolean aborted,
        StartAtTask startAt) {

    /** any_errors_fatal: one host's failure ends the play for every host. */
    boolean anyErrorsFatal() {
        Object v = play.anyErrorsFatal();
        return v != null && dev.jsock.modules.ModuleArgs.toBool("any_errors_fatal", templar.template(v, request.extraVars()));
    }
}

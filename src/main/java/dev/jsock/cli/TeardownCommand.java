package dev.jsock.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "teardown", mixinStandardHelpOptions = true, description = "Stop and remove socket units in the right order (socket, service, instances, files, reload).")
final class TeardownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ERROR! 'jsock teardown' is not available in this version yet.");
        return ExitCodes.ERROR;
    }
}

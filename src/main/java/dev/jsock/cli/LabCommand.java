package dev.jsock.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Local systemd test hosts (systemd-nspawn containers with sshd on a private bridge).")
final class LabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ERROR! 'jsock lab' is not available in this version yet.");
        return ExitCodes.ERROR;
    }
}

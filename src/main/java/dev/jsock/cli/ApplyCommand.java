package dev.jsock.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Run a playbook against hosts over SSH, like ansible-playbook.")
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    @Mixin
    RunOptions options;

    @Option(names = "--lab", description = "Run against a local lab host, booting one if none is running.")
    boolean lab;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ERROR! 'jsock apply' is not available in this version yet.");
        return ExitCodes.ERROR;
    }
}

package dev.jsock.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render every template/copy destination of a playbook without connecting to any host.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAYBOOK")
    Path playbook;

    @Mixin
    RunOptions options;

    @Option(names = "--host", paramLabel = "HOST", description = "Only this host.")
    String host;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write files under DIR/HOST/<dest> instead of printing them.")
    Path outputDir;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ERROR! 'jsock render' is not available in this version yet.");
        return ExitCodes.ERROR;
    }
}

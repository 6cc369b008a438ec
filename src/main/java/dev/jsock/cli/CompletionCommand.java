package dev.jsock.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a bash/zsh completion script generated from the command model, so it never drifts from the options. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script: source <(jsock completion)")
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("jsock", spec.parent().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

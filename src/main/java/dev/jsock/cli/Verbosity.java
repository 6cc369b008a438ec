package dev.jsock.cli;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Reads the -v count from whichever subcommand was parsed. */
final class Verbosity {
    private Verbosity() {}

    static int of(ParseResult parsed) {
        ParseResult p = parsed;
        while (p.hasSubcommand()) p = p.subcommand();
        OptionSpec v = p.commandSpec().findOption("-v");
        if (v == null) return 0;
        Object value = v.getValue();
        if (value instanceof boolean[] flags) return flags.length;
        return 0;
    }
}

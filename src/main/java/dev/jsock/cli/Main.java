package dev.jsock.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import picocli.CommandLine;

/** Entry point: builds the command line, runs it, and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        Interrupts.beforeTheRun();
        System.exit(run(out, err, args));
    }

    /** Runs jsock with the given streams; returns ansible-playbook's exit code. Used by tests too. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // answered before picocli builds the whole command model: a version check stays cheap
            out.println(new VersionProvider().getVersion()[0]);
            out.flush();
            return ExitCodes.OK;
        }
        Warmup.start(args);
        CommandLine cl = commandLine(out, err, args.length > 0 ? args[0] : null);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line for a run whose first argument is {@code first}: only that subcommand when
     * it names one (completion needs them all), every subcommand otherwise (help, usage errors).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
        CommandLine cl = new CommandLine(new JsockCommand());
        if (first != null && !first.equals("completion") && JsockCommand.SUBCOMMANDS.containsKey(first)) {
            cl.addSubcommand(first, JsockCommand.SUBCOMMANDS.get(first).get());
        } else {
            JsockCommand.SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        // "-e @vars.yml" is ansible-playbook's extra-vars file: picocli must not read @FILE as its own argument file
        cl.setExpandAtFiles(false);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.ERROR);
        return cl;
    }
}

package dev.jsock.cli;

import dev.jsock.model.UserError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place that catches broadly. A {@link UserError} becomes "ERROR! file:line:col: message"
 * and its kind's exit code; anything else is a bug in jsock and says so. Stack traces only with -vvv.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean trace = Verbosity.of(parsed) >= 3;
        if (ex instanceof UserError ue) {
            err.println("ERROR! " + ue.describe());
            if (trace) ex.printStackTrace(err);
            err.flush();
            return ue.kind().exitCode;
        }
        err.println("ERROR! Unexpected internal error: " + ex);
        err.println(trace ? "" : "Run again with -vvv for the stack trace, and please report it.");
        if (trace) ex.printStackTrace(err);
        err.flush();
        return ExitCodes.ERROR;
    }
}

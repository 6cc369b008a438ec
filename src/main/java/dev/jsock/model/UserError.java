package dev.jsock.model;

/**
 * An error the user can fix: bad playbook, bad inventory, bad options, bad variable values.
 * It travels up to the CLI, which prints its message (with source position) and maps its kind to
 * ansible-playbook's exit codes. It is never a bug report, so no stack trace is shown by default.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Playbook, role, inventory or template that cannot be read or understood: exit 4. */
        PARSE(4),
        /** Bad command-line options: exit 5. */
        OPTIONS(5),
        /** Anything else the user caused: exit 1. */
        GENERAL(1);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;
    private final Source source;

    public UserError(Kind kind, Source source, String message) {
        this(kind, source, message, null);
    }

    public UserError(Kind kind, Source source, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.source = source;
    }

    public static UserError parse(Source source, String message) {
        return new UserError(Kind.PARSE, source, message);
    }

    /**
     * A file the input names that is not there (a role, vars file, imported file, the playbook):
     * ansible-playbook's general error (exit 1), not a parse error.
     */
    public static UserError missing(Source source, String message) {
        return new UserError(Kind.GENERAL, source, message);
    }

    public static UserError options(String message) {
        return new UserError(Kind.OPTIONS, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** May be null when the error has no position (e.g. a bad option). */
    public Source source() {
        return source;
    }

    /** The message as shown to the user: position first, like a compiler. */
    public String describe() {
        return source == null ? getMessage() : source + ": " + getMessage();
    }
}

package dev.jsock.transport;

/** Privilege escalation for one command: none, or sudo to {@code user} (root by default). */
public record Become(boolean enabled, String user, String password) {
    public static final Become NONE = new Become(false, null, null);

    public static Become sudo(String user) {
        return new Become(true, user == null ? "root" : user, null);
    }

    /** Wraps an already-quoted command so that it runs as the target user. */
    public String wrap(String command) {
        if (!enabled) return command;
        String flags = password == null ? "-n" : "-S -p ''";
        return "sudo " + flags + " -H -u " + ShellQuote.quote(user) + " -- /bin/sh -c " + ShellQuote.quote(command);
    }
}

package dev.jsock.transport;

/** The host could not be reached, refused us, or the connection dropped. Ansible counts it as "unreachable". */
public final class UnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreachableException(String message) {
        super(message);
    }
}

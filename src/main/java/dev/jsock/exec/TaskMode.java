package dev.jsock.exec;

/**
 * How tasks that touch a host are carried out: for real over the connection, or rendered only
 * (jsock render) where template/copy contents are captured and host-dependent tasks are not evaluated.
 */
public interface TaskMode {
    /** True when tasks run on hosts; false for render. */
    boolean live();

    /** Render mode: receives the content a template/copy task would write. */
    default void captured(String host, String dest, String content) {}

    TaskMode LIVE = () -> true;
}

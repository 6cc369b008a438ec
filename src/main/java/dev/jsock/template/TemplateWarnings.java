package dev.jsock.template;

import java.util.function.Consumer;

/**
 * Where a template's warnings go ("Unable to find 'x' in expected paths" from a lookup): to the
 * run's output for the host whose thread is templating. A thread nobody set up drops them.
 */
public final class TemplateWarnings {
    private static final ThreadLocal<Consumer<String>> SINK = new ThreadLocal<>();

    private TemplateWarnings() {}

    public static void sendTo(Consumer<String> sink) {
        SINK.set(sink);
    }

    static void emit(String message) {
        Consumer<String> sink = SINK.get();
        if (sink != null) sink.accept(message);
    }
}

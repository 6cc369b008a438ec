package dev.jsock.exec;

import dev.jsock.model.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * The play's handlers in definition order, with those that include_role adds at run time appended.
 * A notification matches a handler's name, "role : name", or one of its listen topics.
 */
final class HandlerTable {
    private final List<Task> handlers = new ArrayList<>();

    HandlerTable(List<Task> initial) {
        handlers.addAll(initial);
    }

    synchronized void addAll(List<Task> more) {
        for (Task t : more) if (!handlers.contains(t)) handlers.add(t);
    }

    synchronized List<Task> all() {
        return List.copyOf(handlers);
    }

    /** Handlers answering to a notification, in definition order; empty when none does. */
    synchronized List<Task> matching(String notification) {
        List<Task> out = new ArrayList<>();
        for (Task h : handlers) {
            boolean byName = notification.equals(h.name())
                    || (h.role() != null && notification.equals(h.role().name() + " : " + h.name()));
            if (byName || h.listen().contains(notification)) out.add(h);
        }
        return out;
    }

    static String key(Task handler) {
        return handler.source() + "|" + handler.displayName();
    }
}

package dev.jsock.exec;

import dev.jsock.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The play's handlers in definition order (roles' first, then the play's, then those include_role
 * adds at run time), each with the parameters of the role instance that brought it. A notification
 * by name runs the last handler defined with that name (or "role : name"), as Ansible resolves
 * duplicates; a listen topic runs every handler listening to it.
 */
final class HandlerTable {

    /** A handler and the role parameters it runs with. */
    record Handler(Task task, Map<String, Object> roleParams) {}

    private final List<Handler> handlers = new ArrayList<>();
    /** A handler's name as the play's variables make it ("restart {{ svc }}" answers to "restart nginx"). */
    private final java.util.function.UnaryOperator<String> names;

    HandlerTable(List<Handler> initial) {
        this(initial, java.util.function.UnaryOperator.identity());
    }

    HandlerTable(List<Handler> initial, java.util.function.UnaryOperator<String> names) {
        handlers.addAll(initial);
        // each templated name is rendered once for the play, however many notifications ask
        Map<String, String> rendered = new java.util.concurrent.ConcurrentHashMap<>();
        this.names = name -> rendered.computeIfAbsent(name, names);
    }

    private boolean named(String notification, String name) {
        if (name == null) return false;
        if (notification.equals(name)) return true;
        return name.contains("{{") && notification.equals(names.apply(name));
    }

    synchronized void addAll(List<Task> more, Map<String, Object> roleParams) {
        for (Task t : more) {
            Handler h = new Handler(t, roleParams);
            if (!handlers.contains(h)) handlers.add(h);
        }
    }

    synchronized List<Handler> all() {
        return List.copyOf(handlers);
    }

    /** Handlers answering to a notification, in definition order; empty when none does. */
    synchronized List<Handler> matching(String notification) {
        List<Handler> out = new ArrayList<>();
        for (int i = handlers.size() - 1; i >= 0; i--) {
            Task t = handlers.get(i).task();
            boolean byName = named(notification, t.name())
                    || (t.role() != null && t.name() != null && named(notification, t.role().name() + " : " + t.name()));
            if (byName) {
                out.add(handlers.get(i));
                break;
            }
        }
        for (Handler h : handlers) {
            if (h.task().listen().contains(notification) && !out.contains(h)) out.add(h);
        }
        return out;
    }

    static String key(Handler handler) {
        return handler.task().source() + "|" + handler.task().displayName() + "|" + handler.roleParams();
    }
}

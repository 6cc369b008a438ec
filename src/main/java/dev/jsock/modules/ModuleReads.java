package dev.jsock.modules;

import java.util.Map;
import java.util.Set;

/**
 * The read-only command a module will start with for given arguments, exactly as it will run it,
 * so that the executor can predict it and {@link RemoteFileCache} can read it ahead in a batch.
 * Null when a task's first command is not a plain read (a systemd task that reloads first).
 */
public final class ModuleReads {
    /** systemd arguments that leave its first command a plain show + is-enabled of the unit. */
    private static final Set<String> PLAIN_SYSTEMD = Set.of("name", "service", "unit", "state", "enabled", "masked", "force");

    private ModuleReads() {}

    /** The argument holding the name the read is about, for a task of this action (short name), or null. */
    public static String nameArgument(String action, Map<String, Object> args) {
        return switch (action) {
            case "user" -> args.containsKey("name") ? "name" : null;
            case "systemd", "systemd_service", "service" -> {
                if (!PLAIN_SYSTEMD.containsAll(args.keySet())) yield null;
                yield args.containsKey("name") ? "name" : args.containsKey("service") ? "service" : args.containsKey("unit") ? "unit" : null;
            }
            default -> null;
        };
    }

    /** The first command of a task of this action about {@code name} (already templated). */
    public static String command(String action, String name) {
        return switch (action) {
            case "user" -> UserModule.readCommand(name);
            case "systemd", "systemd_service", "service" -> SystemdModule.gatherCommand("systemctl", name, false, false);
            default -> null;
        };
    }
}

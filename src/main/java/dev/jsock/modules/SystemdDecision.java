package dev.jsock.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The systemd module's decision, free of any host: from the unit's {@code systemctl show}
 * properties and {@code is-enabled} answer plus the task's wishes, which systemctl verbs to run
 * and whether that is a change. Order as ansible-core 2.14 does it: mask/unmask, then
 * enable/disable, then the state (daemon-reload happens before the facts are read).
 */
final class SystemdDecision {
    private static final Set<String> RUNNING = Set.of("active", "activating");

    private SystemdDecision() {}

    record Wish(String name, String state, Boolean enabled, Boolean masked) {}

    /** What is known about the unit: show properties, and is-enabled's stdout lines and exit status. */
    record Facts(Map<String, String> status, List<String> isEnabled, int isEnabledRc) {}

    /** One systemctl verb to run on the unit, and the message prefix used if it fails. */
    record Action(String verb, String purpose) {}

    /** Verbs in order; {@code failure} non-null means do nothing and fail with it. */
    record Plan(List<Action> actions, boolean changed, Map<String, Object> result, String failure) {
        static Plan fail(String msg, Map<String, Object> result) {
            return new Plan(List.of(), false, result, msg);
        }
    }

    static Plan decide(Wish w, Facts f) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", w.name());
        result.put("status", f.status());
        String load = f.status().get("LoadState");
        boolean found = load != null && !load.equals("not-found");
        boolean masked = "masked".equals(load);
        if (found && !masked && f.status().containsKey("LoadError")) {
            return Plan.fail("Error loading unit file '" + w.name() + "': " + f.status().get("LoadError"), result);
        }
        String missing = "Could not find the requested service " + w.name() + ": host";
        List<Action> actions = new ArrayList<>();
        if (w.masked() != null) {
            if (!found) return Plan.fail(missing, result);
            boolean isMasked = f.isEnabled().size() == 1 && f.isEnabled().get(0).strip().equals("masked");
            if (isMasked != w.masked()) actions.add(new Action(w.masked() ? "mask" : "unmask", "mask"));
        }
        if (w.enabled() != null) {
            if (!found) return Plan.fail(missing, result);
            boolean enabled = f.isEnabledRc() == 0 && !(f.isEnabled().equals(List.of("indirect")) || f.isEnabled().equals(List.of("alias")));
            result.put("enabled", enabled);
            if (enabled != w.enabled()) {
                actions.add(new Action(w.enabled() ? "enable" : "disable", "enable"));
                result.put("enabled", w.enabled());
            }
        }
        if (w.state() != null) {
            if (!found) return Plan.fail(missing, result);
            result.put("state", w.state());
            String active = f.status().get("ActiveState");
            if (active == null) return Plan.fail("Service is in unknown state", result);
            boolean running = RUNNING.contains(active);
            String verb = switch (w.state()) {
                case "started" -> running ? null : "start";
                case "stopped" -> running || active.equals("deactivating") ? "stop" : null;
                default -> running ? w.state().substring(0, w.state().length() - 2) : "start";
            };
            if (w.state().equals("restarted") || w.state().equals("reloaded")) result.put("state", "started");
            if (verb != null) actions.add(new Action(verb, "state"));
        }
        return new Plan(List.copyOf(actions), !actions.isEmpty(), result, null);
    }
}

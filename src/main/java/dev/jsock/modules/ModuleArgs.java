package dev.jsock.modules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of module arguments with Ansible's coercions: "yes"/"true"/"on"/1 are true, numbers
 * may come as strings. A wrong value raises {@link BadArgument}, which the executor turns into a
 * failed task with Ansible's kind of message.
 */
public final class ModuleArgs {
    private static final Set<String> TRUE = Set.of("yes", "on", "1", "true", "y", "t");
    private static final Set<String> FALSE = Set.of("no", "off", "0", "false", "n", "f");

    private final Map<String, Object> args;

    public ModuleArgs(Map<String, Object> args) {
        this.args = args;
    }

    /** An argument value that cannot be used. */
    public static final class BadArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadArgument(String message) {
            super(message);
        }
    }

    public boolean has(String key) {
        return args.containsKey(key) && args.get(key) != null;
    }

    /** True when the argument arrived as a number (e.g. YAML's {@code mode: 0644}), not as text. */
    public boolean isNumber(String key) {
        return args.get(key) instanceof Number;
    }

    /** The argument as given, before any coercion. */
    public Object raw(String key) {
        return args.get(key);
    }

    public String str(String key) {
        Object v = args.get(key);
        return v == null ? null : String.valueOf(v);
    }

    public String str(String key, String dflt) {
        String v = str(key);
        return v == null ? dflt : v;
    }

    public String required(String key) {
        String v = str(key);
        if (v == null) throw new BadArgument("missing required arguments: " + key);
        return v;
    }

    public Boolean bool(String key) {
        Object v = args.get(key);
        if (v == null) return null;
        return toBool(key, v);
    }

    public boolean bool(String key, boolean dflt) {
        Boolean b = bool(key);
        return b == null ? dflt : b;
    }

    public static boolean toBool(String key, Object v) {
        if (v instanceof Boolean b) return b;
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) return true;
        if (FALSE.contains(s)) return false;
        throw new BadArgument("argument '" + key + "' is of type " + typeName(v) + " and we were unable to convert to bool: The value '"
                + v + "' is not a valid boolean.  Valid booleans include: 'no', 'on', 1, 'yes', 'true', 'off', 't', 'n', 0, 'false', 'f', 'y', '1', '0'");
    }

    public Integer integer(String key) {
        Object v = args.get(key);
        if (v == null) return null;
        if (v instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new BadArgument("argument '" + key + "' is of type " + typeName(v) + " and we were unable to convert to int: invalid literal for int() with base 10: '" + v + "'");
        }
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = args.get(key);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return (List<Object>) l;
        String s = String.valueOf(v);
        return List.copyOf(List.of((Object[]) s.split(",")));
    }

    public String choice(String key, String dflt, String... allowed) {
        String v = str(key, dflt);
        if (v == null) return null;
        for (String a : allowed) if (a.equals(v)) return v;
        throw new BadArgument("value of " + key + " must be one of: " + String.join(", ", allowed) + ", got: " + v);
    }

    /** Rejects arguments the module does not know, as Ansible does. */
    public void allowOnly(String module, Set<String> known) {
        List<String> unknown = args.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new BadArgument("Unsupported parameters for (" + module + ") module: " + String.join(", ", unknown)
                    + ". Supported parameters include: " + String.join(", ", known.stream().sorted().toList()) + ".");
        }
    }

    private static String typeName(Object v) {
        if (v instanceof String) return "str";
        if (v instanceof Integer || v instanceof Long) return "int";
        if (v instanceof Boolean) return "bool";
        if (v instanceof List) return "list";
        if (v instanceof Map) return "dict";
        return v.getClass().getSimpleName();
    }
}

package dev.jsock.transport;

import dev.jsock.model.UserError;
import java.util.Locale;
import java.util.Map;

/** Reads connection variables that may arrive as strings, numbers or booleans; the first name present wins. */
final class VarReader {
    private final String host;
    private final Map<String, Object> vars;

    VarReader(String host, Map<String, Object> vars) {
        this.host = host;
        this.vars = vars == null ? Map.of() : vars;
    }

    String string(String... names) {
        for (String n : names) {
            Object o = vars.get(n);
            if (o != null) return o.toString();
        }
        return null;
    }

    Integer integer(String... names) {
        for (String n : names) {
            Object o = vars.get(n);
            if (o instanceof Number num) return num.intValue();
            if (o != null) return parseInt(n, o.toString());
        }
        return null;
    }

    Boolean bool(String... names) {
        for (String n : names) {
            Object o = vars.get(n);
            if (o instanceof Boolean b) return b;
            if (o == null) continue;
            switch (o.toString().trim().toLowerCase(Locale.ROOT)) {
                case "yes": case "true": case "on": case "1": case "y": case "t":
                    return true;
                case "no": case "false": case "off": case "0": case "n": case "f":
                    return false;
                default:
                    throw bad(n, o);
            }
        }
        return null;
    }

    int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw bad(name, value);
        }
    }

    private UserError bad(String name, Object value) {
        return new UserError(UserError.Kind.GENERAL, null, "host " + host + ": " + name + " has an invalid value '" + value + "'");
    }
}

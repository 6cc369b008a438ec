package dev.jsock.inventory;

import dev.jsock.model.Source;
import dev.jsock.model.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI inventory: hosts before any section are ungrouped; "[g]" lists hosts with inline
 * vars, "[g:vars]" holds key=value lines, "[g:children]" names child groups. Values are read as
 * Python literals (so 1 is a number and True a boolean, but yes stays a string), in both places.
 */
final class IniInventory {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:#.*)?$");
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

    private record Pending(int line, String kind, List<String> parents) {}

    private final String file;
    private final InventoryBuilder inv;
    private int lineNo;

    IniInventory(String file, InventoryBuilder inv) {
        this.file = file;
        this.inv = inv;
    }

    void parse(String text) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        String group = "ungrouped";
        String state = "hosts";
        lineNo = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') continue;
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                group = m.group(1);
                state = m.group(2) == null ? "hosts" : m.group(2);
                if (!List.of("hosts", "children", "vars").contains(state)) {
                    throw error("Section [" + group + ":" + state + "] has unknown type: " + state);
                }
                if (!inv.hasGroup(group) && state.equals("vars") && !pending.containsKey(group)) {
                    pending.put(group, new Pending(lineNo, "vars", new ArrayList<>()));
                }
                inv.group(group);
                if (pending.containsKey(group) && !state.equals("vars")) pending.remove(group);
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                throw error("Invalid section entry: '" + line + "'. Please make sure that there are no spaces in the"
                        + " section entry, and that there are no other invalid characters");
            }
            switch (state) {
                case "hosts" -> hostLine(group, line);
                case "vars" -> varLine(group, line);
                default -> childLine(group, line, pending);
            }
        }
        for (Map.Entry<String, Pending> p : pending.entrySet()) {
            Pending d = p.getValue();
            lineNo = d.line();
            if (d.kind().equals("vars")) throw error("Section [" + p.getKey() + ":vars] not valid for undefined group: " + p.getKey());
            throw error("Section [" + d.parents().get(d.parents().size() - 1) + ":children] includes undefined group: " + p.getKey());
        }
    }

    private UserError error(String message) {
        return UserError.parse(new Source(file, lineNo, 0), message);
    }

    private void hostLine(String group, String line) {
        List<String> tokens;
        try {
            tokens = Shlex.split(line);
        } catch (IllegalArgumentException e) {
            throw error("Error parsing host definition '" + line + "': " + e.getMessage());
        }
        if (tokens.isEmpty()) return;
        String pattern = tokens.get(0);
        HostRange.Address address = HostRange.splitPort(pattern);
        if (pattern.endsWith(":") && address.port() == null) {
            throw error("Invalid host pattern '" + pattern + "' supplied, ending in ':' is not allowed, this character is"
                    + " reserved to provide a port.");
        }
        if (pattern.equals("---")) throw error("Invalid host pattern '---' supplied, '---' is normally a sign this is a YAML file.");
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String t : tokens.subList(1, tokens.size())) {
            int eq = t.indexOf('=');
            if (eq < 0) throw error("Expected key=value host variable assignment, got: " + t);
            vars.put(t.substring(0, eq), PythonLiteral.parse(t.substring(eq + 1)));
        }
        if (address.port() != null) vars.put("ansible_port", address.port());
        List<String> names;
        try {
            names = HostRange.expand(address.name());
        } catch (IllegalArgumentException e) {
            throw error("Invalid host pattern '" + pattern + "': " + e.getMessage());
        }
        for (String name : names) inv.host(group, name, vars);
    }

    private void varLine(String group, String line) {
        int eq = line.indexOf('=');
        if (eq < 0) throw error("Expected key=value, got: " + line);
        inv.groupVar(group, line.substring(0, eq).strip(), PythonLiteral.parse(line.substring(eq + 1).strip()));
    }

    private void childLine(String group, String line, Map<String, Pending> pending) {
        Matcher m = GROUP_NAME.matcher(line);
        if (!m.matches()) throw error("Expected group name, got: " + line);
        String child = m.group(1);
        if (inv.hasGroup(child)) {
            inv.child(group, child);
        } else {
            pending.computeIfAbsent(child, c -> new Pending(lineNo, "children", new ArrayList<>())).parents().add(group);
            // Declared later in the file (or never: then it is reported at the end, as Ansible does).
            inv.child(group, child);
        }
    }
}

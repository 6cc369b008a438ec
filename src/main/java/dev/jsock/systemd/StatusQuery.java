package dev.jsock.systemd;

import dev.jsock.model.UserError;
import dev.jsock.transport.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one remote command that `jsock status` runs per host, and the pure parser of its output.
 * Without names it reports every socket recorded in the host's jsock manifests (/var/lib/jsock/*.json).
 */
public final class StatusQuery {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final String SOCKET_PROPS = "Id,Listen,ActiveState,SubState,UnitFileState,NAccepted,NConnections,NRefused,Accept";
    private static final String SERVICE_PROPS = "Id,ActiveState,SubState,ActiveEnterTimestamp";

    private StatusQuery() {}

    public static String command(List<String> names) {
        for (String n : names) {
            if (!NAME.matcher(n).matches()) throw UserError.options("not a valid socket name: '" + n + "'");
        }
        String list = names.isEmpty()
                ? "$(ls /var/lib/jsock 2>/dev/null | sed -n 's/\\.json$//p')"
                : ShellQuote.join(names);
        return "for n in " + list + "; do echo \"name=$n\"; done; echo ---; "
                + "for n in " + list + "; do systemctl show -p " + SOCKET_PROPS + " \"$n.socket\"; echo; "
                + "systemctl show -p " + SERVICE_PROPS + " \"$n.service\"; echo; "
                + "echo \"Id=$n@instances\"; echo \"Running=$(systemctl list-units --plain --no-legend --state=active \"$n@*.service\" 2>/dev/null | wc -l)\"; echo; done";
    }

    public static List<SocketStatus> parse(String host, String output) {
        int sep = output.indexOf("---\n");
        List<String> names = new ArrayList<>();
        for (String line : output.substring(0, Math.max(sep, 0)).split("\n")) {
            if (line.startsWith("name=")) names.add(line.substring(5));
        }
        Map<String, Map<String, List<String>>> units = UnitProperties.parse(sep < 0 ? output : output.substring(sep + 4));
        List<SocketStatus> out = new ArrayList<>();
        for (String n : names) {
            Map<String, List<String>> sock = units.get(n + ".socket");
            Map<String, List<String>> svc = units.get(n + ".service");
            Map<String, List<String>> inst = units.get(n + "@instances");
            boolean accept = "yes".equals(UnitProperties.first(sock, "Accept"));
            String active = UnitProperties.first(sock, "ActiveState");
            String sub = UnitProperties.first(sock, "SubState");
            out.add(new SocketStatus(host, n + ".socket",
                    sock == null ? List.of() : sock.getOrDefault("Listen", List.of()),
                    active.isEmpty() ? "unknown" : active + (sub.isEmpty() ? "" : " (" + sub + ")"),
                    orDash(UnitProperties.first(sock, "UnitFileState")),
                    accept,
                    number(UnitProperties.first(sock, "NAccepted")),
                    number(UnitProperties.first(sock, "NConnections")),
                    number(UnitProperties.first(sock, "NRefused")),
                    accept ? n + "@.service" : n + ".service",
                    accept ? "-" : orDash(UnitProperties.first(svc, "ActiveState")),
                    (int) number(UnitProperties.first(inst, "Running")),
                    accept ? "-" : orDash(UnitProperties.first(svc, "ActiveEnterTimestamp"))));
        }
        return out;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package dev.jsock.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Per-task status sequences and recaps from Ansible's json callback and from jsock --json. */
final class Patterns {
    private Patterns() {}

    static List<String> ofAnsible(JsonNode doc, String host) {
        List<String> out = new ArrayList<>();
        for (JsonNode play : doc.path("plays")) {
            for (JsonNode task : play.path("tasks")) {
                JsonNode r = task.path("hosts").path(host);
                if (r.isMissingNode()) continue;
                out.add(task.path("task").path("name").asText() + " => " + ansibleStatus(r));
            }
        }
        return out;
    }

    private static String ansibleStatus(JsonNode r) {
        if (r.path("unreachable").asBoolean()) return "unreachable";
        if (r.path("failed").asBoolean()) return "failed";
        if (r.path("skipped").asBoolean()) return "skipped";
        if (r.path("changed").asBoolean()) return "changed";
        return "ok";
    }

    static List<String> ofJsock(JsonNode doc, String host) {
        List<String> out = new ArrayList<>();
        for (JsonNode play : doc.path("plays")) {
            for (JsonNode task : play.path("tasks")) {
                JsonNode r = task.path("hosts").path(host);
                if (r.isMissingNode()) continue;
                out.add(task.path("name").asText() + " => " + r.path("status").asText());
            }
        }
        return out;
    }

    /** Output with what legitimately differs between two runs removed: host name, timestamps, temp paths, warnings. */
    static String normalise(String text, String host) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("[WARNING]")) continue;
            sb.append(line.replace(host, "HOST")
                    .replaceAll("\"(start|end)\": \"[^\"]*\"", "\"$1\": \"T\"")
                    .replaceAll("\"delta\": \"[^\"]*\"", "\"delta\": \"D\"")
                    .replaceAll("\\+\\+\\+ after: .*", "+++ after: PATH")).append('\n');
        }
        return sb.toString();
    }

    static String recapOfAnsible(JsonNode doc, String host) {
        JsonNode s = doc.path("stats").path(host);
        return recap(s.path("ok").asInt(), s.path("changed").asInt(), s.path("unreachable").asInt(), s.path("failures").asInt(),
                s.path("skipped").asInt(), s.path("rescued").asInt(), s.path("ignored").asInt());
    }

    static String recapOfJsock(JsonNode doc, String host) {
        JsonNode s = doc.path("stats").path(host);
        return recap(s.path("ok").asInt(), s.path("changed").asInt(), s.path("unreachable").asInt(), s.path("failed").asInt(),
                s.path("skipped").asInt(), s.path("rescued").asInt(), s.path("ignored").asInt());
    }

    private static String recap(int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
        return "ok=" + ok + " changed=" + changed + " unreachable=" + unreachable + " failed=" + failed + " skipped=" + skipped
                + " rescued=" + rescued + " ignored=" + ignored;
    }
}

package dev.jsock.exec;

import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of every report: the values of variables whose names mark them as secret
 * (password, passwd, pass, secret, token, private key, api key) are replaced by ******** wherever they
 * appear in what is printed. Registered results keep the real values: only output is masked.
 */
final class SecretMask {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)passw(or)?d|_pass$|^pass$|secret|token|private_?key|api_?key");
    /** Variable names seen and whether they name a secret: every task asks about the same few hundred. */
    private static final Map<String, Boolean> SECRET_NAMES = new ConcurrentHashMap<>();
    private static final String MASK = "********";

    private SecretMask() {}

    static List<String> secretValues(Map<String, Object> vars) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            if (e.getValue() instanceof String s && s.length() >= 4 && isSecretName(e.getKey()) && !s.contains("{{")) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean isSecretName(String name) {
        Boolean known = SECRET_NAMES.get(name);
        if (known != null) return known;
        boolean secret = SECRET_NAME.matcher(name).find();
        if (SECRET_NAMES.size() < 100_000) SECRET_NAMES.put(name, secret);
        return secret;
    }

    static TaskResult mask(TaskResult r, List<String> secrets) {
        if (secrets.isEmpty()) return r;
        List<FileDiff> diffs = new ArrayList<>();
        for (FileDiff d : r.diffs()) diffs.add(new FileDiff(d.path(), (String) maskValue(d.before(), secrets), (String) maskValue(d.after(), secrets)));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) maskValue(r.data(), secrets);
        return new TaskResult(r.status(), (String) maskValue(r.msg(), secrets), data, diffs);
    }

    static Object maskValue(Object v, List<String> secrets) {
        if (v instanceof String s) {
            for (String secret : secrets) s = s.replace(secret, MASK);
            return s;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), maskValue(e.getValue(), secrets));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(maskValue(o, secrets));
            return out;
        }
        return v;
    }
}

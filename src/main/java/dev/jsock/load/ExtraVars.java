package dev.jsock.load;

import dev.jsock.model.UserError;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of -e/--extra-vars, as ansible-playbook reads them: "@file" is a YAML/JSON file,
 * a value starting with "{" or "[" is inline YAML/JSON, anything else is k=v pairs whose values
 * stay strings. Later values replace earlier ones key by key. Every problem is an options error
 * (exit 5), even one inside an @file, because it was named on the command line.
 */
public final class ExtraVars {
    private ExtraVars() {}

    public static Map<String, Object> parse(List<String> values, Path cwd) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) continue;
            out.putAll(parseOne(value, cwd));
        }
        return out;
    }

    private static Map<String, Object> parseOne(String value, Path cwd) {
        Object data;
        if (value.startsWith("@")) {
            data = fromFile(value, cwd.resolve(value.substring(1)));
        } else if (value.startsWith("/") || value.startsWith(".")) {
            throw UserError.options("Please prepend extra_vars filename '" + value + "' with '@'");
        } else if (value.startsWith("{") || value.startsWith("[")) {
            try {
                YamlDoc doc = YamlDoc.parse("<extra vars>", value, w -> {});
                data = doc.toJava(doc.root());
            } catch (UserError e) {
                throw new UserError(UserError.Kind.PARSE, null, "Invalid extra vars data supplied: '" + value + "' is not valid JSON or YAML: "
                        + e.describe());
            }
        } else {
            try {
                data = KeyValueArgs.parse(value, false);
            } catch (KeyValueArgs.BadArgs e) {
                throw UserError.options("Invalid extra vars data supplied: '" + value + "': " + e.getMessage());
            }
            if (((Map<?, ?>) data).containsKey("_raw_params")) data = null;
        }
        if (!(data instanceof Map)) {
            throw UserError.options("Invalid extra vars data supplied. '" + value + "' could not be made into a dictionary");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) data;
        return map;
    }

    private static Object fromFile(String value, Path file) {
        try {
            YamlDoc doc = YamlDoc.read(file, w -> {});
            Object data = doc.toJava(doc.root());
            return data == null ? new LinkedHashMap<String, Object>() : data;
        } catch (UserError e) {
            // as ansible-playbook: a missing file is an error (1), one that does not parse a parse error (4)
            throw new UserError(e.kind(), e.source(), "in extra vars " + value + ": " + e.getMessage());
        }
    }
}

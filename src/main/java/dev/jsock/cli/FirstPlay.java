package dev.jsock.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The host pattern of a playbook's first play, read with a plain YAML parse before the playbook
 * and its roles are loaded properly, so that connecting can start early. Only a hint: anything
 * unusual (no plays, an import first, a template, a parse error) gives null, and the real load
 * reports problems as it always does.
 */
final class FirstPlay {
    private FirstPlay() {}

    static String hosts(Path playbook) {
        try (Reader r = Files.newBufferedReader(playbook, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (doc instanceof List<?> plays && !plays.isEmpty() && plays.get(0) instanceof Map<?, ?> play) {
                Object hosts = play.get("hosts");
                return hosts instanceof String s ? s : null;
            }
        } catch (IOException | RuntimeException e) {
            // the real load says what is wrong
        }
        return null;
    }
}

package dev.jsock.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Debian mirror this machine already uses, so the lab root comes from the same place
 * apt does (a mirror the machine's network policy allows) rather than from a hard-coded URL.
 */
final class Mirror {
    static final String FALLBACK = "http://deb.debian.org/debian";

    private Mirror() {}

    static String detect(Path deb822Sources, Path sourcesList) {
        return read(deb822Sources).flatMap(Mirror::fromDeb822)
                .or(() -> read(sourcesList).flatMap(Mirror::fromSourcesList))
                .orElse(FALLBACK);
    }

    /** The first URI of the first stanza that serves the plain suite (not -security or -updates). */
    static Optional<String> fromDeb822(String text) {
        for (String stanza : text.split("\\n\\s*\\n")) {
            String uris = field(stanza, "URIs");
            String suites = field(stanza, "Suites");
            if (uris == null || uris.isBlank()) continue;
            if (suites != null && List.of(suites.trim().split("\\s+")).stream().noneMatch(s -> !s.contains("-"))) continue;
            return Optional.of(uris.trim().split("\\s+")[0]);
        }
        return Optional.empty();
    }

    /** The URI of the first {@code deb} line whose suite is not -security or -updates. */
    static Optional<String> fromSourcesList(String text) {
        for (String raw : text.split("\\n")) {
            String line = raw.replaceAll("#.*", "").replaceAll("\\[[^\\]]*\\]", " ").trim();
            String[] words = line.split("\\s+");
            if (words.length >= 3 && words[0].equals("deb") && !words[2].contains("-")) return Optional.of(words[1]);
        }
        return Optional.empty();
    }

    private static String field(String stanza, String name) {
        for (String line : stanza.split("\\n")) {
            if (line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1);
        }
        return null;
    }

    private static Optional<String> read(Path p) {
        try {
            return Files.isReadable(p) ? Optional.of(Files.readString(p)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

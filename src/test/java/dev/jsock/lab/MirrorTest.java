package dev.jsock.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorTest {
    @Test
    void takesMainSuiteUriFromDeb822Sources() {
        String text = "Types: deb\n# http://snapshot.debian.org/archive/debian/20250520T000000Z\nURIs: http://mirror.example/debian\n"
                + "Suites: bookworm bookworm-updates\nComponents: main\n\nTypes: deb\nURIs: http://security.example/debian-security\n"
                + "Suites: bookworm-security\n";
        assertThat(Mirror.fromDeb822(text)).contains("http://mirror.example/debian");
    }

    @Test
    void skipsSecurityOnlyStanza() {
        String text = "Types: deb\nURIs: http://security.example/ds\nSuites: bookworm-security\n\nTypes: deb\nURIs: http://m.example/debian\nSuites: bookworm\n";
        assertThat(Mirror.fromDeb822(text)).contains("http://m.example/debian");
    }

    @Test
    void readsClassicSourcesListWithOptions() {
        String text = "# comment\ndeb-src http://src.example/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] http://m.example/debian bookworm main\n";
        assertThat(Mirror.fromSourcesList(text)).contains("http://m.example/debian");
    }

    @Test
    void fallsBackToDebianWhenNothingIsConfigured(@TempDir Path dir) throws Exception {
        assertThat(Mirror.detect(dir.resolve("none.sources"), Files.writeString(dir.resolve("sources.list"), "# empty\n")))
                .isEqualTo(Mirror.FALLBACK);
    }
}

package dev.jsock.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The lab's own ed25519 key pair: root on every lab host accepts it and nothing else. */
final class LabKey {
    private final LabLayout layout;

    LabKey(LabLayout layout) {
        this.layout = layout;
    }

    /** Generates the pair when missing; returns the public key line. */
    String ensure() {
        try {
            if (!Files.isRegularFile(layout.privateKey()) || !Files.isRegularFile(layout.publicKey())) {
                Files.deleteIfExists(layout.privateKey());
                Files.deleteIfExists(layout.publicKey());
                Shell.check(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "jsock-lab", "-f", layout.privateKey().toString()));
            }
            return Files.readString(layout.publicKey());
        } catch (IOException e) {
            throw Shell.error("cannot create the lab key " + layout.privateKey() + ": " + e.getMessage(), e);
        }
    }
}

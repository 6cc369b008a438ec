package dev.jsock.cli;

import dev.jsock.transport.HostKeyPolicy;
import picocli.CommandLine.Option;

/** How unknown and changed SSH host keys are treated, as OpenSSH's StrictHostKeyChecking. */
final class HostKeyOptions {
    @Option(names = "--host-key-checking", paramLabel = "yes|accept-new|no",
            description = "yes (default): only hosts in known_hosts; accept-new: add unknown hosts, refuse changed keys; no: accept any key (unsafe).")
    String mode = "yes";

    HostKeyPolicy policy() {
        return HostKeyPolicy.parse(mode).orElseThrow(() -> dev.jsock.model.UserError.options(
                "--host-key-checking must be yes, accept-new or no, got '" + mode + "'"));
    }
}

package dev.jsock.cli;

import dev.jsock.model.UserError;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where jsock finds things it is not told about: its own roles/ (next to the jar's project), the
 * default inventory (./inventory, else the running lab's), the lab's state directory.
 */
final class Workspace {
    static final Path LAB_STATE = Path.of("/var/lib/jsock/lab");

    private Workspace() {}

    /** jsock's installation directory: -Djsock.home (bin/jsock sets it), else two levels above the jar. */
    static Path home() {
        String prop = System.getProperty("jsock.home");
        if (prop != null) return Path.of(prop);
        try {
            Path jar = Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path p = jar.getParent() != null ? jar.getParent().getParent() : null;
            return p != null ? p : Path.of(".");
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(".");
        }
    }

    static Path builtinRoles() {
        Path roles = home().resolve("roles");
        return Files.isDirectory(roles) ? roles : null;
    }

    /** The inventory sources to use: the ones given, else ./inventory, else the running lab's. */
    static List<Path> inventories(List<Path> given) {
        if (!given.isEmpty()) {
            for (Path p : given) {
                // "host1,host2," is a host list, as ansible-playbook -i reads it
                boolean hostList = p.toString().contains(",");
                if (!hostList && !Files.exists(p)) throw UserError.options("the inventory source '" + p + "' does not exist");
            }
            return given;
        }
        Path local = Path.of("inventory");
        if (Files.exists(local)) return List.of(local);
        Path lab = LAB_STATE.resolve("inventory");
        if (Files.exists(lab)) return List.of(lab);
        throw UserError.options("no inventory: give one with -i, create ./inventory, or start lab hosts with 'jsock lab up' (or use --lab)");
    }
}

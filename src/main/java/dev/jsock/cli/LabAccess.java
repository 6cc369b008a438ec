package dev.jsock.cli;

import dev.jsock.lab.Lab;
import dev.jsock.lab.LabHost;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** `apply --lab`: makes sure a lab host runs and names the lab inventory and the host to use. */
final class LabAccess {
    private LabAccess() {}

    /** The lab inventory and the one host `--lab` targets (the first lab host). */
    record Target(Path inventory, String host) {}

    static Target ensureOne(PrintWriter progress) {
        Lab lab = new Lab(Lab.DEFAULT_STATE_DIR, progress);
        List<LabHost> running = lab.running();
        if (running.isEmpty()) running = lab.up(1);
        return new Target(lab.inventoryPath(), running.get(0).name());
    }
}

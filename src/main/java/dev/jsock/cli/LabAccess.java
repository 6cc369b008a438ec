package dev.jsock.cli;

import dev.jsock.lab.Lab;
import java.io.PrintWriter;
import java.nio.file.Path;

/** `apply --lab`: makes sure at least one lab host runs and returns the lab's inventory. */
final class LabAccess {
    private LabAccess() {}

    static Path ensureOne(PrintWriter progress) {
        Lab lab = new Lab(Lab.DEFAULT_STATE_DIR, progress);
        if (lab.running().isEmpty()) lab.up(1);
        return lab.inventoryPath();
    }
}

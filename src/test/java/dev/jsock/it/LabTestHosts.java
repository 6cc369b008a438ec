package dev.jsock.it;

import dev.jsock.lab.LabHost;
import dev.jsock.lab.LabHosts;
import java.nio.file.Path;
import java.util.List;

/** Which shared lab host each end-to-end test uses, so tests never step on each other's state. */
final class LabTestHosts {
    static final int CORPUS_JSOCK = 2;
    static final int CORPUS_ANSIBLE = 3;

    private LabTestHosts() {}

    /** The host the example playbooks run on: the fifth (override with -Djsock.it.examplesHost=N, 1-based). */
    static int examplesIndex() {
        return Integer.getInteger("jsock.it.examplesHost", 5) - 1;
    }

    static List<LabHost> hosts() {
        return LabHosts.get(Math.max(LabHosts.COUNT, examplesIndex() + 1));
    }

    static Path inventory() {
        hosts();
        return LabHosts.inventory();
    }

    static Path privateKey() {
        return LabHosts.lab().privateKey();
    }
}

package dev.jsock.exec;

/** Ansible's PLAY RECAP counters for one host. Mutable, confined to the host's own thread until the recap. */
public final class HostStats {
    public int ok;
    public int changed;
    public int unreachable;
    public int failed;
    public int skipped;
    public int rescued;
    public int ignored;

    public boolean hadProblem() {
        return failed > 0 || unreachable > 0;
    }
}

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

    /** Whether anything was counted: Ansible's recap leaves out hosts no task ran on (all filtered out by tags, say). */
    public boolean processed() {
        return ok + changed + unreachable + failed + skipped + rescued + ignored > 0;
    }

    public boolean hadProblem() {
        return failed > 0 || unreachable > 0;
    }
}

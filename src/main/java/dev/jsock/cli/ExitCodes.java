package dev.jsock.cli;

/** ansible-playbook's exit codes, which jsock keeps so CI scripts written for Ansible work unchanged. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int HOST_FAILED = 2;
    public static final int UNREACHABLE_OR_PARSE = 4;
    public static final int BAD_OPTIONS = 5;
    public static final int INTERRUPTED = 99;

    /** The run's exit code: ansible-playbook's, or with --detailed-exitcodes Puppet's (0, 2 changed, 4 failed, 6 both). */
    static int of(dev.jsock.exec.PlaybookRunner.Outcome outcome, boolean detailed) {
        if (!detailed) return outcome.exitCode();
        boolean changed = outcome.stats().values().stream().anyMatch(s -> s.changed > 0);
        boolean failed = outcome.stats().values().stream().anyMatch(dev.jsock.exec.HostStats::hadProblem);
        return (changed ? 2 : 0) + (failed ? 4 : 0);
    }
}

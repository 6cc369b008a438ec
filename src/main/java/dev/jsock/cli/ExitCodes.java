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
}

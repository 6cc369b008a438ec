package dev.jsock.cli;

/** Whether output goes to a person: colour only on a terminal, and never when NO_COLOR or ANSIBLE_NOCOLOR is set. */
final class Terminal {
    private Terminal() {}

    static boolean colors() {
        if (System.getenv("NO_COLOR") != null || System.getenv("ANSIBLE_NOCOLOR") != null) return false;
        if (System.getenv("ANSIBLE_FORCE_COLOR") != null) return true;
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}

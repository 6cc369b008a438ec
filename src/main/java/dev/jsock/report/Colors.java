package dev.jsock.report;

/** ANSI colours as Ansible uses them: green ok, yellow changed, red failed, cyan skipped, purple warnings. */
final class Colors {
    private final boolean on;

    Colors(boolean on) {
        this.on = on;
    }

    String ok(String s) {
        return paint("0;32", s);
    }

    String changed(String s) {
        return paint("0;33", s);
    }

    String fail(String s) {
        return paint("0;31", s);
    }

    String skip(String s) {
        return paint("0;36", s);
    }

    String warn(String s) {
        return paint("1;35", s);
    }

    String diff(String s) {
        return s;
    }

    private String paint(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}

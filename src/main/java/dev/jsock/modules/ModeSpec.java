package dev.jsock.modules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code mode:} argument. YAML's {@code 0644} arrives as the int 420 and is used as is (as Ansible
 * does, so {@code mode: 644} means decimal 644, a classic mistake Ansible also makes); a string of
 * octal digits is octal; anything else is a symbolic mode such as {@code u=rw,g=r,o=r} applied to the
 * current mode.
 */
record ModeSpec(Integer absolute, String symbolic) {
    private static final Pattern OCTAL = Pattern.compile("[0-7]{1,5}");
    private static final Pattern CLAUSE = Pattern.compile("([ugoa]*)((?:[-+=][rwxXst]*)+)");
    private static final Pattern OP = Pattern.compile("([-+=])([rwxXst]*)");

    static ModeSpec parse(Object v) {
        if (v == null) return null;
        if (v instanceof Number n) return new ModeSpec(n.intValue() & 07777, null);
        String s = String.valueOf(v).trim();
        if (OCTAL.matcher(s).matches()) return new ModeSpec(Integer.parseInt(s, 8) & 07777, null);
        for (String clause : s.split(",", -1)) {
            if (!CLAUSE.matcher(clause).matches()) {
                throw new ModuleArgs.BadArgument("mode must be in octal or symbolic form: bad symbolic permission for mode: " + s);
            }
        }
        return new ModeSpec(null, s);
    }

    /** The mode a file ends up with when this spec is applied to {@code current}. */
    int apply(int current, boolean isDir) {
        if (absolute != null) return absolute;
        int mode = current & 07777;
        for (String clause : symbolic.split(",")) {
            Matcher c = CLAUSE.matcher(clause);
            c.matches();
            int who = whoMask(c.group(1));
            Matcher op = OP.matcher(c.group(2));
            while (op.find()) {
                int perms = permBits(op.group(2), mode, isDir) & who;
                switch (op.group(1)) {
                    case "+" -> mode |= perms;
                    case "-" -> mode &= ~perms;
                    default -> mode = (mode & ~who) | perms; // '=' clears every bit of the named classes
                }
            }
        }
        return mode;
    }

    private static int whoMask(String who) {
        if (who.isEmpty() || who.contains("a")) return 07777;
        int m = 0;
        if (who.contains("u")) m |= 04700;
        if (who.contains("g")) m |= 02070;
        if (who.contains("o")) m |= 01007;
        return m;
    }

    private static int permBits(String perms, int current, boolean isDir) {
        int b = 0;
        for (char p : perms.toCharArray()) {
            switch (p) {
                case 'r' -> b |= 0444;
                case 'w' -> b |= 0222;
                case 'x' -> b |= 0111;
                case 'X' -> b |= (isDir || (current & 0111) != 0) ? 0111 : 0;
                case 's' -> b |= 06000;
                case 't' -> b |= 01000;
                default -> throw new IllegalStateException("checked by pattern");
            }
        }
        return b;
    }
}

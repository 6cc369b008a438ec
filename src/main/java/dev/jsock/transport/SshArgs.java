package dev.jsock.transport;

import dev.jsock.model.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of {@code ansible_ssh_common_args} / {@code ansible_ssh_extra_args} that means something
 * to jsock's own SSH client: {@code -o Name=value} options (names case-insensitive, first value wins
 * as in OpenSSH). Options that only tune OpenSSH (ControlMaster, …) are irrelevant and ignored; ones
 * that would change where jsock connects (proxies, jump hosts) are refused rather than silently dropped.
 */
record SshArgs(Map<String, String> options) {
    private static final List<String> UNSUPPORTED = List.of("proxycommand", "proxyjump");

    SshArgs {
        options = Map.copyOf(options);
    }

    static SshArgs parse(String host, String args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = split(host, args == null ? "" : args);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String option = null;
            if (w.equals("-o") && i + 1 < words.size()) option = words.get(++i);
            else if (w.startsWith("-o") && w.length() > 2) option = w.substring(2);
            else if (w.equals("-J") || w.startsWith("-J")) throw unsupported(host, "-J (jump host)");
            if (option == null) continue;
            String[] kv = option.trim().split("\\s*=\\s*|\\s+", 2);
            String name = kv[0].toLowerCase(Locale.ROOT);
            if (UNSUPPORTED.contains(name)) throw unsupported(host, "-o " + kv[0]);
            options.putIfAbsent(name, kv.length > 1 ? kv[1] : "");
        }
        return new SshArgs(options);
    }

    String get(String name) {
        return options.get(name.toLowerCase(Locale.ROOT));
    }

    /** Splits like a POSIX shell does for plain words and quotes (no expansions). */
    static List<String> split(String host, String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) cur.append(s.charAt(++i));
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(cur.toString());
                cur.setLength(0);
                inWord = false;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UserError(UserError.Kind.GENERAL, null, "host " + host + ": unbalanced quote in ansible_ssh_common_args: " + s);
        }
        if (inWord) words.add(cur.toString());
        return words;
    }

    private static UserError unsupported(String host, String what) {
        return new UserError(UserError.Kind.GENERAL, null, "host " + host + ": ansible_ssh_common_args uses " + what
                + ", which jsock's SSH client does not support; connect to the host directly");
    }
}

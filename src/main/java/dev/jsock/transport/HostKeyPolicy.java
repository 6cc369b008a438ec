package dev.jsock.transport;

import java.util.Locale;
import java.util.Optional;

/** What to do with a host key, named after OpenSSH's StrictHostKeyChecking values. */
public enum HostKeyPolicy {
    /** Only keys already in known_hosts are accepted (the default). */
    YES,
    /** Unknown hosts are accepted and recorded; a changed key is still refused. */
    ACCEPT_NEW,
    /** Any key is accepted, with a warning: for throw-away hosts only. */
    NO;

    /** Parses OpenSSH's spellings (yes, no, accept-new, ask, off) and Ansible-style booleans. */
    public static Optional<HostKeyPolicy> parse(String value) {
        if (value == null) return Optional.empty();
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes": case "ask": case "true": case "strict":
                // "ask" would prompt in OpenSSH; jsock never prompts, so it is as strict as yes.
                return Optional.of(YES);
            case "accept-new": case "accept_new":
                return Optional.of(ACCEPT_NEW);
            case "no": case "off": case "false":
                return Optional.of(NO);
            default:
                return Optional.empty();
        }
    }

    /** The spelling used on jsock's command line and in messages. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

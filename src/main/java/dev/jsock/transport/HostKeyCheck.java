package dev.jsock.transport;

/** The pure part of host-key checking: what the known_hosts lookup found, and what the policy makes of it. */
final class HostKeyCheck {
    private HostKeyCheck() {}

    enum Lookup {
        /** known_hosts has this very key for the host. */
        MATCH,
        /** known_hosts has no key of this type for the host. */
        UNKNOWN,
        /** known_hosts has a different key of this type for the host. */
        CHANGED
    }

    enum Verdict {
        ACCEPT,
        ACCEPT_AND_RECORD,
        ACCEPT_WITH_WARNING,
        REFUSE_UNKNOWN,
        REFUSE_CHANGED;

        boolean accepts() {
            return this == ACCEPT || this == ACCEPT_AND_RECORD || this == ACCEPT_WITH_WARNING;
        }
    }

    static Verdict decide(HostKeyPolicy policy, Lookup lookup) {
        if (lookup == Lookup.MATCH) return Verdict.ACCEPT;
        switch (policy) {
            case NO:
                return Verdict.ACCEPT_WITH_WARNING;
            case ACCEPT_NEW:
                return lookup == Lookup.UNKNOWN ? Verdict.ACCEPT_AND_RECORD : Verdict.REFUSE_CHANGED;
            case YES:
            default:
                return lookup == Lookup.UNKNOWN ? Verdict.REFUSE_UNKNOWN : Verdict.REFUSE_CHANGED;
        }
    }
}

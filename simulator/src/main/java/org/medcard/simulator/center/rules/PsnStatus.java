package org.medcard.simulator.center.rules;

/** The status table of business-rules.md, as the center reports it in {@code psn_status}. */
public enum PsnStatus {
    NORMAL(true),
    SUSPENDED(true),
    FROZEN(false),
    LOST(false),
    CANCELLED(false),
    NOT_ACTIVATED(false),
    EXPIRED(false),
    BLOCKED(false);

    private final boolean accountUsable;

    PsnStatus(boolean accountUsable) {
        this.accountUsable = accountUsable;
    }

    /** Whether the personal account may pay at all; when not, the center answers 2002. */
    public boolean accountUsable() {
        return accountUsable;
    }
}

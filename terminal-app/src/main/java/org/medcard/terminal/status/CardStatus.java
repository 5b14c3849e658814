package org.medcard.terminal.status;

/** The card statuses of the business rules' status table, with what each allows. */
public enum CardStatus {
    NORMAL(true, true),
    /** R4: personal account usable; pooling stops from the 1st of the month after the interruption. */
    SUSPENDED(true, true),
    /** R5. */
    FROZEN(false, false),
    /** R8. */
    LOST(false, false),
    /** R9. */
    CANCELLED(false, false),
    /** R7. */
    NOT_ACTIVATED(false, false),
    EXPIRED(false, false),
    /** The application on the card is blocked (e.g. after a lost-card block). */
    BLOCKED(false, false);

    private final boolean personalAccount;
    private final boolean pooling;

    CardStatus(boolean personalAccount, boolean pooling) {
        this.personalAccount = personalAccount;
        this.pooling = pooling;
    }

    /** Whether the personal account may pay at all. */
    public boolean personalAccountUsable() {
        return personalAccount;
    }

    /** Whether the pooling fund may pay at all (R4, R6, R12 may still say no for a given sale). */
    public boolean poolingPossible() {
        return pooling;
    }

    public boolean refuses() {
        return !personalAccount;
    }
}

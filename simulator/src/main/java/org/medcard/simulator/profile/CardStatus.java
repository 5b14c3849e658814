package org.medcard.simulator.profile;

/** Insurance status as the card's SFI 03 byte 0 codes it ({@code psn_status} of host 1101). */
public enum CardStatus {
    NORMAL(0x00), SUSPENDED(0x01), FROZEN(0x02), LOST(0x03), CANCELLED(0x04);

    private final int code;

    CardStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The card may debit only in these two statuses (card spec, INITIALIZE FOR PURCHASE). */
    public boolean allowsDebit() {
        return this == NORMAL || this == SUSPENDED;
    }
}

package org.medcard.simulator.profile;

/** Why a card was cancelled (R9), as the card's SFI 03 byte 1 codes it ({@code status_reason} of host 1101). */
public enum CancelReason {
    ABROAD(0x01), HOUSEHOLD(0x02), TRANSFER(0x03), DEATH(0x04);

    private final int code;

    CancelReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

package org.medcard.card;

/** Why a card was CANCELLED (SFI 03 byte 1); business rule R9. */
public enum CancelReason {
    SETTLED_ABROAD, HOUSEHOLD_REGISTRATION_CANCELLED, TRANSFERRED_OUT, DEATH;

    static CancelReason fromCode(int code) {
        CancelReason[] all = values();
        if (code < 1 || code > all.length) {
            throw new IllegalArgumentException(String.format("cancel reason %02X", code));
        }
        return all[code - 1];
    }
}

package org.medcard.card;

/** The status byte of SFI 03 (what the center last wrote to the card); business rules R4, R5, R8, R9. */
public enum CardStatusCode {
    NORMAL, SUSPENDED, FROZEN, LOST, CANCELLED;

    static CardStatusCode fromCode(int code) {
        CardStatusCode[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException(String.format("status code %02X", code));
        }
        return all[code];
    }
}

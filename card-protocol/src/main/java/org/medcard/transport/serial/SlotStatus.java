package org.medcard.transport.serial;

/** The answer to {@link RequestCode#GET_SLOT_STATUS}. */
public enum SlotStatus {
    NO_CARD(0x00),
    CARD_PRESENT(0x01),
    CARD_POWERED(0x02);

    private final int code;

    SlotStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean hasCard() {
        return this != NO_CARD;
    }

    /** The status for a byte from the reader, or {@code null} when the byte means nothing. */
    public static SlotStatus ofCode(int code) {
        for (SlotStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}

package org.medcard.transport.serial;

import java.util.Optional;

/**
 * The CODE byte of a frame from the reader: the result of a request, or (codes {@code 80}, {@code 81})
 * an unsolicited card-presence event with the slot as data.
 */
public enum AnswerCode {
    SUCCESS(0x00),
    NO_CARD(0x01),
    CARD_MUTE(0x02),
    /** The reader could not decode our request (bad BCC, length, ETX): the terminal resends once. */
    FRAME_ERROR(0x03),
    UNKNOWN_COMMAND(0x04),
    NO_SUCH_SLOT(0x05),
    /** Unsolicited: a card was inserted; data is the slot. */
    CARD_INSERTED(0x80),
    /** Unsolicited: a card was removed; data is the slot. */
    CARD_REMOVED(0x81);

    private final int code;

    AnswerCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether a frame with this code is an event rather than the answer to a request. */
    public boolean isEvent() {
        return this == CARD_INSERTED || this == CARD_REMOVED;
    }

    public static Optional<AnswerCode> of(int code) {
        for (AnswerCode a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}

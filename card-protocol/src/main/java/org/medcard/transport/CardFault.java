package org.medcard.transport;

/**
 * The reader, the link or the card did not answer usefully: a fault in the sense of business rule
 * R11 (retry, or fall back to offline or cash), never a refusal. The {@link Kind} says which, so the
 * terminal can tell the cashier what to do next.
 */
public class CardFault extends RuntimeException {

    /** What went wrong, in the words a cashier or technician would use. */
    public enum Kind {
        /** No such reader, or the reader was unplugged. */
        READER_UNAVAILABLE,
        /** No card in the slot, or it was pulled during a command. */
        CARD_REMOVED,
        /** The card does not answer (no ATR, no response). */
        CARD_MUTE,
        /** Another program holds the card exclusively. */
        SHARING_VIOLATION,
        /** The smart-card service (pcscd, WinSCard) is not running. */
        NO_SERVICE,
        /** No answer within the time allowed. */
        TIMEOUT,
        /** The reader's answer could not be decoded (bad frame, bad APDU, bad TLV). */
        MALFORMED,
        /** Any other I/O failure. */
        IO
    }

    private final Kind kind;

    public CardFault(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CardFault(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** What happened, without the kind: for a technician's detail next to the kind's words, never alone in a log. */
    public String detail() {
        return super.getMessage();
    }

    /**
     * The kind by name, then what happened ({@code CARD_REMOVED: reader 'X', ...}): for the log. A user sees the
     * kind in words in their language (the terminal's message catalogue), not this.
     */
    @Override
    public String getMessage() {
        return kind + ": " + super.getMessage();
    }
}

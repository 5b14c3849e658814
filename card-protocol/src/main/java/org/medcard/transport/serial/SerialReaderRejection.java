package org.medcard.transport.serial;

import org.medcard.transport.CardFault;

/**
 * The reader answered, but said it cannot do what we asked: code {@code 04} (unknown command: another
 * reader model or firmware) or {@code 05} (the slot does not exist, e.g. a reader without a PSAM slot).
 * For the cashier this is a reader that cannot be used here, so it is a {@link CardFault} of kind
 * {@link CardFault.Kind#READER_UNAVAILABLE}; the {@link #reason()} tells a technician which.
 */
public class SerialReaderRejection extends CardFault {

    public enum Reason {
        UNKNOWN_COMMAND,
        NO_SUCH_SLOT
    }

    private final Reason reason;
    private final int requestCode;

    public SerialReaderRejection(Reason reason, int requestCode, String message) {
        super(Kind.READER_UNAVAILABLE, message);
        this.reason = reason;
        this.requestCode = requestCode;
    }

    public Reason reason() {
        return reason;
    }

    /** The CODE of the request the reader rejected. */
    public int requestCode() {
        return requestCode;
    }
}

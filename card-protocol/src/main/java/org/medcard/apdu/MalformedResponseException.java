package org.medcard.apdu;

/**
 * A card or reader answered with bytes that do not fit the specification (too short, wrong length,
 * bad TLV). This is a fault of the card or the link, never a refusal.
 */
public class MalformedResponseException extends RuntimeException {
    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}

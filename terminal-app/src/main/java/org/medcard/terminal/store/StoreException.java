package org.medcard.terminal.store;

/** The terminal's own database could not be read or written; the message says which file and what to do. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

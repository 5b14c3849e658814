package org.medcard.terminal.session;

/** The presented card is not a medical-insurance card this terminal can use (wrong card, unknown to the center). */
public class UnusableCardException extends RuntimeException {
    public UnusableCardException(String message) {
        super(message);
    }
}

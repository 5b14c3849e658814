package org.medcard.simulator.reader;

/** Thrown by a {@link SimulatedCard} when an injected tear cuts its power in the middle of a command. */
public class CardTornException extends RuntimeException {
    public CardTornException(String message) {
        super(message);
    }
}

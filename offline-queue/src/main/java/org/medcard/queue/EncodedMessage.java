package org.medcard.queue;

import java.util.Objects;

/**
 * A message for the center as the terminal's codec encoded it: the queue stores it, forwards it and never looks
 * inside. Only the {@link WireFormat} the terminal supplies knows what {@code transaction} and {@code input} mean.
 *
 * @param transaction the transaction code the terminal's link puts in the center's envelope
 * @param input       the envelope's {@code input}, a JSON object
 */
public record EncodedMessage(String transaction, String input) {
    public EncodedMessage {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(input, "input");
        if (transaction.isBlank()) {
            throw new IllegalArgumentException("transaction code is blank");
        }
    }
}

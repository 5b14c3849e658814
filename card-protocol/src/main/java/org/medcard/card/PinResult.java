package org.medcard.card;

/** The card's answer to VERIFY PIN. */
public sealed interface PinResult permits PinResult.Ok, PinResult.WrongPin, PinResult.Blocked {

    /** {@code 9000}. */
    record Ok() implements PinResult {
    }

    /** {@code 63Cx}: wrong, {@code triesLeft} attempts remain (1..15). */
    record WrongPin(int triesLeft) implements PinResult {
        public WrongPin {
            if (triesLeft < 1 || triesLeft > 15) {
                throw new IllegalArgumentException("tries left out of 1..15: " + triesLeft);
            }
        }
    }

    /** {@code 6983}, or {@code 63C0} (the last try failed): the PIN is blocked. */
    record Blocked() implements PinResult {
    }
}

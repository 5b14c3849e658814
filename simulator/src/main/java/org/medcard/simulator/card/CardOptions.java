package org.medcard.simulator.card;

/**
 * How a virtual card behaves beyond the profile.
 *
 * @param pinPolicy   who enforces the PIN before a debit
 * @param t0Responses answer every command that returns data with {@code 61XX} and hand the data out with
 *                    GET RESPONSE ({@code 00 C0 00 00 XX}), as T=0 cards do; exercises the terminal's GET RESPONSE handling
 */
public record CardOptions(PinPolicy pinPolicy, boolean t0Responses) {

    public CardOptions {
        if (pinPolicy == null) {
            throw new IllegalArgumentException("pinPolicy missing");
        }
    }

    public static CardOptions defaults() {
        return new CardOptions(PinPolicy.TERMINAL_ENFORCES, false);
    }
}

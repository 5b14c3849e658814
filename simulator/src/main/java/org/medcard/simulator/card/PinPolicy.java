package org.medcard.simulator.card;

/**
 * Whether the card itself insists on VERIFY PIN before a debit.
 *
 * <p>The default is {@link #TERMINAL_ENFORCES}: R10's small-amount exemption is a terminal setting, so the
 * card leaves the decision to the terminal (as most purse cards do) and only answers VERIFY.
 * {@link #CARD_REQUIRES_VERIFY} lets tests exercise the spec's "6985 PIN not verified when required".
 */
public enum PinPolicy {
    /** The card debits without a VERIFY in the session; the terminal decides when to ask for the PIN. */
    TERMINAL_ENFORCES,
    /** INITIALIZE FOR PURCHASE answers 6985 unless VERIFY succeeded since the last SELECT or reset. */
    CARD_REQUIRES_VERIFY
}

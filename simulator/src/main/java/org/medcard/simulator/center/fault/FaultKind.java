package org.medcard.simulator.center.fault;

/** What the center can be told to do wrong. */
public enum FaultKind {
    /** Stop accepting connections on the API port (clients see "connection refused"); control stays up. */
    DOWN,
    /** Wait {@code millis} before handling each request. */
    SLOW,
    /** Answer HTTP 500 without handling the request (nothing applied). */
    HTTP_500,
    /** Handle and commit, then close the connection without an answer. */
    ANSWER_LOST,
    /** Answer {@code 1001} (bad sign_no) without handling the request. */
    BAD_SIGN_NO,
    /** Reconciliation (3201) answers {@code MISMATCH} / {@code 3001}. */
    RECONCILIATION_MISMATCH,
    /**
     * A settlement (2102, 2207) that passed every check, its card debit included, is refused with {@code 2005}
     * (nothing applied): what a terminal sees when the center rejects a sale the card already paid.
     */
    SETTLE_REJECTED
}

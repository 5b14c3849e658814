package org.medcard.card;

/** What SELECT said about the card application. */
public enum ApplicationState {
    /** {@code 9000}: usable. */
    USABLE,
    /** {@code 6283}: temporarily blocked (e.g. lost-card block); the FCI is still returned. */
    BLOCKED,
    /** {@code 9303}: permanently locked. */
    LOCKED,
    /** {@code 6A82}: no medical-insurance application on this card. */
    NOT_FOUND
}

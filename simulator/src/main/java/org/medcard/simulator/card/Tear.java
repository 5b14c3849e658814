package org.medcard.simulator.card;

/** Where an armed tear cuts the card's power. Each tear fires once. */
public enum Tear {
    /** The next command arrives and the power goes before the card does anything with it. */
    NEXT_COMMAND,
    /** DEBIT FOR PURCHASE arrives with a good MAC1; the power goes before anything is written. */
    BEFORE_DEBIT,
    /** DEBIT FOR PURCHASE is committed (balance, counter, log, proof); the power goes before the answer. */
    AFTER_DEBIT,
    /** CREDIT FOR LOAD arrives with a good MAC2; the power goes before anything is written. */
    BEFORE_LOAD,
    /** CREDIT FOR LOAD is committed; the power goes before the answer. */
    AFTER_LOAD
}

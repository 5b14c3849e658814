package org.medcard.terminal.present.status;

/** A status light. The view pairs each with a word; colour alone never carries the meaning. */
public enum Light {
    /** Working. */
    GREEN,
    /** Not in use or waiting (no card, center not contacted yet, records queued): the counter can go on. */
    AMBER,
    /** A fault the cashier must act on. */
    RED
}

package org.medcard.simulator.center.rules;

/** Catalog category (R13): what the pooling fund may pay for. */
public enum Category {
    /** Fully eligible. */
    A,
    /** Eligible after the item's self-pay ratio. */
    B,
    /** Never eligible for the pooling fund. */
    SELF
}

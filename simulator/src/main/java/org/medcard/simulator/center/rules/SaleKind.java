package org.medcard.simulator.center.rules;

/** Where the sale happens; it decides what enters the pooling base. */
public enum SaleKind {
    /** Pharmacy: only chronic-disease items are pooled; ordinary sales have no pooling share. */
    PHARMACY,
    /** Outpatient visit: every eligible item is pooled. */
    OUTPATIENT,
    /** Inpatient (R6: pooling only 12 months after effective_from). */
    INPATIENT
}

package org.medcard.queue;

/**
 * Where the cash of a re-settlement entry was taken, which decides the prices and the pooling rules it is re-settled
 * at (R11 case 3): a pharmacy sale, or a hospital's outpatient visit (registration fee, a batch of prescribed items).
 * Entries recorded before the kind was kept read as {@link #PHARMACY}.
 */
public enum EntryKind {
    PHARMACY,
    OUTPATIENT
}

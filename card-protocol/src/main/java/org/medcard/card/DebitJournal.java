package org.medcard.card;

/**
 * Called by {@link MedicalCard#debit} after the PSAM has produced MAC1 and before DEBIT FOR PURCHASE is
 * sent. The terminal writes the pending debit durably here; if this throws, no debit is sent.
 */
@FunctionalInterface
public interface DebitJournal {

    /** A journal that keeps nothing (tests, tools). */
    DebitJournal NONE = pending -> { };

    void beforeDebit(PendingDebit pending);
}

package org.medcard.terminal.center;

/**
 * A re-settlement entry as the center lists it ({@code 8402}): registered by any counter of the institution.
 *
 * @param itemsJson the items as registered (JSON array of code, qty, price)
 * @param status    OPEN, SETTLED or EXPIRED at the center
 * @param kind      PHARMACY or OUTPATIENT, as registered (PHARMACY when the center names none)
 * @param acctPaidFen  what the card already paid offline for the sale (a split sale), else 0
 * @param offlineMsgid the msgid of the 8301 that uploads that offline debit, else null
 */
public record RegisteredEntry(String entryNo, String fault, String originalTime, String psnCertNo, String itemsJson,
                              long cashPaidFen, String status, String setlId, org.medcard.queue.EntryKind kind,
                              long acctPaidFen, String offlineMsgid) {

    /** A pharmacy entry paid wholly in cash. */
    public RegisteredEntry(String entryNo, String fault, String originalTime, String psnCertNo, String itemsJson,
                           long cashPaidFen, String status, String setlId) {
        this(entryNo, fault, originalTime, psnCertNo, itemsJson, cashPaidFen, status, setlId, org.medcard.queue.EntryKind.PHARMACY,
                0, null);
    }
}

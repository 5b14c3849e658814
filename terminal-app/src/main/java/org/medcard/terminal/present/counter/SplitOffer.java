package org.medcard.terminal.present.counter;

/**
 * The split shown before the card is debited (after pre-settlement 2101): the cashier confirms, and types the
 * cash tendered when there is a cash share. Amounts in fen.
 *
 * @param holderName  who pays (shown so the cashier checks the person, R10)
 * @param beneficiary the family member paid for (R3), or null
 * @param allCash     true when the sale fell to cash during a fault (R11): a re-settlement entry is recorded
 * @param fundNote    why the pooling fund pays nothing, with its rule (R3, R4, R6, R11, R12), or null
 */
public record SplitOffer(long totalFen, long fundFen, long accountFen, long cashFen, String holderName,
                         String beneficiary, boolean allCash, String fundNote) {
}

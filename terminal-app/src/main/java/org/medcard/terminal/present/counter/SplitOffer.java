package org.medcard.terminal.present.counter;

import java.util.Optional;

/**
 * The split shown before the card is debited (after pre-settlement 2101): the cashier confirms, and types the
 * cash tendered when there is a cash share. Amounts in fen.
 *
 * @param holderName  who pays (shown so the cashier checks the person, R10)
 * @param beneficiary the family member paid for (R3), empty for the holder
 * @param allCash     true when the sale fell to cash during a fault (R11): a re-settlement entry is recorded
 * @param fundNote    why the pooling fund pays nothing, with its rule (R3, R4, R6, R11, R12), empty when it pays
 */
public record SplitOffer(long totalFen, long fundFen, long accountFen, long cashFen, String holderName,
                         Optional<String> beneficiary, boolean allCash, Optional<String> fundNote) {
}

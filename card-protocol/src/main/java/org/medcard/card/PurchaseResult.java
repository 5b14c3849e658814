package org.medcard.card;

import java.util.Objects;

/**
 * A debit the card made and the PSAM accepted.
 *
 * @param recovered true when the proof came from GET TRANSACTION PROVE after a tear, not from DEBIT's answer
 */
public record PurchaseResult(PurseRecord record, long oldBalance, long newBalance, boolean recovered) {

    public PurchaseResult {
        Objects.requireNonNull(record, "record");
        if (newBalance < 0 || oldBalance - record.amount() != newBalance) {
            throw new IllegalArgumentException("new balance must be old balance minus the amount");
        }
    }
}

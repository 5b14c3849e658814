package org.medcard.terminal.present.queue;

import java.util.Optional;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.resettle.ResettleOutcome;

/** Where a re-settlement's receipt goes: journalled at once (so {@code medcard receipt list} shows it) and printed. */
public interface ResettleReceipts {

    /** Journals and prints the outcome's receipt, when the outcome has one. */
    void issue(ResettleOutcome outcome, String cashier);

    /**
     * The outcome's receipt, not journalled yet: for the desktop's slip (issue 15), which journals it once and keeps it
     * for print and save. None by default (a model without a slip journals through {@link #issue}).
     */
    default Optional<ReceiptDocument> document(ResettleOutcome outcome, String cashier) {
        return Optional.empty();
    }
}

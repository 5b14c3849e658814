package org.medcard.terminal.present.queue;

import org.medcard.terminal.resettle.ResettleOutcome;

/** Where a re-settlement's receipt goes: journalled at once (so {@code medcard receipt list} shows it) and printed. */
public interface ResettleReceipts {

    /** Journals and prints the outcome's receipt, when the outcome has one. */
    void issue(ResettleOutcome outcome, String cashier);
}

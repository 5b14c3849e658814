package org.medcard.terminal.present.queue;

import java.util.Optional;

import org.medcard.terminal.resettle.ResettleOutcome;

/**
 * The end of a re-settlement as the cashier sees it.
 *
 * @param outcome     the desk's outcome (kind, amounts in fen, the core message)
 * @param refundText  the refund in yuan ("34.02") to hand back now (SETTLED with a refund above zero), empty when
 *                    nothing is handed back
 * @param headline    the large line: "Hand back 34.02 yuan" / the refusal
 * @param detail      the next step for the cashier
 */
public record ResettleAnswer(ResettleOutcome outcome, Optional<String> refundText, String headline, String detail) {

    /** Whether cash is to be handed back now. */
    public boolean handBack() {
        return refundText.isPresent();
    }
}

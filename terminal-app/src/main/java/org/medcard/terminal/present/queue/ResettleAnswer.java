package org.medcard.terminal.present.queue;

import org.medcard.terminal.resettle.ResettleOutcome;

/**
 * The end of a re-settlement as the cashier sees it.
 *
 * @param outcome     the desk's outcome (kind, amounts in fen, the core message)
 * @param handBack    whether cash is to be handed back now (SETTLED with a refund above zero)
 * @param refundText  the refund in yuan ("34.02"), or null when nothing is handed back
 * @param headline    the large line: "Hand back 34.02 yuan" / the refusal
 * @param detail      the next step for the cashier
 */
public record ResettleAnswer(ResettleOutcome outcome, boolean handBack, String refundText, String headline, String detail) {
}

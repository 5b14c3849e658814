/**
 * Undoing a settlement: the supervisor's void ({@code 2103}; the account share goes back to the card as a
 * pending load, R2, the cash share is handed back) and the reversal ({@code 2601}) of a settlement whose
 * answer never came, when the terminal chooses not to resend it. The desks build no text: their outcomes
 * ({@link org.medcard.terminal.voids.VoidOutcome}, {@link org.medcard.terminal.voids.ReversalOutcome}) are worded by
 * the caller with {@link org.medcard.terminal.voids.VoidTexts}.
 */
package org.medcard.terminal.voids;

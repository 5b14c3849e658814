package org.medcard.terminal.present.supervisor;

import org.medcard.terminal.voids.VoidOutcome;

/**
 * The end of a void as the supervisor sees it.
 *
 * @param handBack     whether cash goes back from the till now
 * @param cashBackText the cash share to hand back, in yuan
 * @param headline     the large line ("Hand back 4.86 yuan cash", the refusal)
 * @param detail       the core message: what goes back to the account as a pending load (R2), or why not
 */
public record VoidResult(VoidOutcome outcome, boolean handBack, String cashBackText, String headline, String detail) {
}

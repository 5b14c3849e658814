package org.medcard.terminal.present.supervisor;

import java.util.Optional;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.voids.VoidOutcome;

/**
 * The end of a void as the supervisor sees it.
 *
 * @param handBack     whether cash goes back from the till now
 * @param headline     the large line ("Hand back 4.86 yuan cash", the refusal)
 * @param detail       the core message: what goes back to the account as a pending load (R2), or why not
 */
public record VoidResult(VoidOutcome outcome, boolean handBack, String headline, String detail) {

    /**
     * The cash share handed back, in yuan ("0.00" for a void with no cash share), read from the outcome: only a done
     * void has one, so a pending, rejected or refused void has none (not a null).
     */
    public Optional<String> cashBackText() {
        return outcome instanceof VoidOutcome.Voided v ? Optional.of(Money.formatYuan(v.cashBackFen())) : Optional.empty();
    }
}

package org.medcard.terminal.present.counter;

import java.util.OptionalLong;

import org.medcard.terminal.sale.SaleOutcome;

/**
 * How the sale ended, for the result panel.
 *
 * @param kind        the core's outcome kind
 * @param served      goods may be handed over
 * @param message     the core's message (the rule that refused, the fault, "settled")
 * @param cashFen     cash to take (the cash share), 0 when none
 * @param tenderedFen cash the patient handed over
 * @param changeFen   change to give back
 * @param balanceFen  the card balance after the sale, empty when unknown
 * @param hasReceipt  a receipt can be printed / saved
 */
public record SaleDone(SaleOutcome.Kind kind, boolean served, String message, long totalFen, long fundFen, long accountFen,
                       long cashFen, long tenderedFen, long changeFen, OptionalLong balanceFen, boolean hasReceipt) {
}

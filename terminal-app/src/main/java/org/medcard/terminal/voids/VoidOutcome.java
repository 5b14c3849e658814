package org.medcard.terminal.voids;

import java.util.Objects;

/**
 * How a void ended. Amounts in fen.
 *
 * @param cashBackFen   the cash share handed back from the till (0 when the settle is not in this terminal's queue)
 * @param accountFen    the account share credited back to the account, reaching the card as a pending load (R2)
 * @param fundFen       the pooling share the center takes back
 * @param loadId        the center's pending load carrying the account refund, or null when nothing went to the account
 */
public record VoidOutcome(Kind kind, String setlId, long cashBackFen, long accountFen, long fundFen, String loadId,
                          String messageKey, String message) {

    public enum Kind { VOIDED, REJECTED, PENDING, REFUSED }

    public VoidOutcome {
        Objects.requireNonNull(kind, "kind");
    }
}

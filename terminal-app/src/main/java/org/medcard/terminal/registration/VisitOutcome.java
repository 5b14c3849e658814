package org.medcard.terminal.registration;

import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * What the registration clerk sees after a registration, a cancellation or a visit's settlement.
 *
 * @param mdtrtId       the visit id from {@code 2201}, or null when nothing was registered
 * @param plan          the split paid (or, for a visit left open, the fee's split the center foresees); null when refused
 * @param noPoolingRule the rule the center reported for a fee without a pooling share (R3/R4/R6/R12), or null
 * @param payment       the card payment's outcome from the sale machinery, or null when no payment was made
 * @param loadedFen     R15: monthly money credited onto the card when it was opened at the desk (0 when none)
 */
public record VisitOutcome(Kind kind, String mdtrtId, PaymentPlan plan, String noPoolingRule, SaleOutcome payment,
                           String cardNoMasked, String holderName, String messageKey, String message, long loadedFen) {

    public enum Kind {
        /** Registered; the fee is settled later with the visit's items. */
        REGISTERED,
        /** Registered (if asked) and the visit settled: 2207 answered. */
        SETTLED,
        /** The card paid but 2207's answer is still awaited; the outbox resends it with the same msgid. */
        SETTLEMENT_PENDING,
        /** The center rejected the settle after the card paid; a supervisor must act. */
        SETTLEMENT_REJECTED,
        /** The card left during DEBIT; resolved on the card's next contact. */
        INTERRUPTED,
        /** R11 case 2: paid in cash during a fault; a re-settlement entry was recorded (its 8400 queued). */
        CASH_RESETTLE,
        CANCELLED,
        /** Closed by the clerk: the visit takes no further payment. */
        CLOSED,
        REFUSED;

        /** Whether the patient was served (may see the doctor / leave). */
        public boolean served() {
            return this == REGISTERED || this == SETTLED || this == SETTLEMENT_PENDING || this == CANCELLED || this == CASH_RESETTLE
                    || this == CLOSED;
        }
    }

    public VisitOutcome withLoadedFen(long fen) {
        return new VisitOutcome(kind, mdtrtId, plan, noPoolingRule, payment, cardNoMasked, holderName, messageKey, message, fen);
    }

    public String tac() {
        return payment == null ? null : payment.cardDebit().map(SaleOutcome.CardDebit::tac).orElse(null);
    }

    /** The re-settlement entry of a visit (or batch) paid in cash during a fault, else null. */
    public String entryNo() {
        return payment instanceof SaleOutcome.CashResettle c ? c.entryNo() : null;
    }

    public String setlId() {
        return payment instanceof SaleOutcome.Settled s ? s.setlId().orElse(null) : null;
    }

    public long balanceAfterFen() {
        return payment == null ? -1 : payment.balanceAfterFen().orElse(-1);
    }
}

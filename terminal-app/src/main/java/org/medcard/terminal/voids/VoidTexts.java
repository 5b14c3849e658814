package org.medcard.terminal.voids;

import java.util.function.UnaryOperator;

import org.medcard.terminal.config.Money;
import org.medcard.terminal.sale.SaleTexts;

/**
 * Words a void's or a reversal's outcome in the configured language: the caller's side of
 * {@link VoidOutcome#messageKey()} and {@link VoidOutcome#messageArgs()} (the desks build no text), as
 * {@link SaleTexts} does for a sale.
 */
public final class VoidTexts {

    private final SaleTexts.Messages messages;
    private final UnaryOperator<String> centerSays;

    /**
     * @param centerSays a refusal reason as the queue records it, framed by our sentence (not "infcode 2005: ...")
     */
    public VoidTexts(SaleTexts.Messages messages, UnaryOperator<String> centerSays) {
        this.messages = messages;
        this.centerSays = centerSays;
    }

    /** The one line the supervisor reads. */
    public String line(VoidOutcome o) {
        if (o instanceof VoidOutcome.Voided v) {
            return messages.message(v.messageKey(), v.setlId(), Money.formatYuan(v.cashBackFen()), Money.formatYuan(v.accountFen()));
        }
        if (o instanceof VoidOutcome.Rejected r) {
            return messages.message(r.messageKey(), r.setlId(), centerSays.apply(r.reason()));
        }
        return messages.message(o.messageKey(), o.messageArgs().toArray());
    }

    /** The one line the operator reads after a reversal. */
    public String line(ReversalOutcome o) {
        return messages.message(o.messageKey(), o.messageArgs().toArray());
    }
}

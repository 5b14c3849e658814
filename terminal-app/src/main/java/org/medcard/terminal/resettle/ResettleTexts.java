package org.medcard.terminal.resettle;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.medcard.queue.Fault;
import org.medcard.terminal.config.Money;
import org.medcard.terminal.sale.SaleTexts;

/**
 * Words a re-settlement's outcome for the cashier in the configured language: the caller's side of
 * {@link ResettleOutcome#messageKey()} and {@link ResettleOutcome#messageArgs()} (the desk itself builds no text),
 * as {@link SaleTexts} does for a sale.
 */
public final class ResettleTexts {

    private final SaleTexts.Messages messages;
    private final Function<Fault, String> faultName;
    private final UnaryOperator<String> centerSays;

    /**
     * @param faultName  a fault kind by its name in the configured language (never the enum name, issue 15)
     * @param centerSays a refusal reason as the queue records it, framed by our sentence (not "infcode 2005: ...")
     */
    public ResettleTexts(SaleTexts.Messages messages, Function<Fault, String> faultName, UnaryOperator<String> centerSays) {
        this.messages = messages;
        this.faultName = faultName;
        this.centerSays = centerSays;
    }

    /** The one line the cashier reads. */
    public String line(ResettleOutcome o) {
        if (o instanceof ResettleOutcome.Settled s) {
            return messages.message(s.messageKey(), s.entryNo(), Money.formatYuan(s.refundFen()));
        }
        if (o instanceof ResettleOutcome.Rejected r) {
            return messages.message(r.messageKey(), r.entryNo(), centerSays.apply(r.reason()));
        }
        Object[] args = o.messageArgs().stream().map(a -> a instanceof Fault f ? faultName.apply(f) : String.valueOf(a)).toArray();
        return messages.message(o.messageKey(), args);
    }
}

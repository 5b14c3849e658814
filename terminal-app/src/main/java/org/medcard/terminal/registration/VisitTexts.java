package org.medcard.terminal.registration;

import java.util.function.Function;

import org.medcard.queue.Fault;
import org.medcard.terminal.sale.SaleTexts;

/**
 * Words a visit's outcome for the clerk in the configured language: the caller's side of
 * {@link VisitOutcome#messageKey()} and {@link VisitOutcome#messageArgs()} (the desk itself builds no text). A card
 * payment is worded as the pharmacy words a sale ({@link SaleTexts}: the center's refusal framed by our sentence).
 */
public final class VisitTexts {

    private final SaleTexts sales;
    private final SaleTexts.Messages messages;
    private final Function<Fault, String> faultName;

    /**
     * @param sales     the sale's words, for a card payment's outcome
     * @param faultName a fault kind by its name in the configured language (never the enum name, issue 15)
     */
    public VisitTexts(SaleTexts sales, SaleTexts.Messages messages, Function<Fault, String> faultName) {
        this.sales = sales;
        this.messages = messages;
        this.faultName = faultName;
    }

    /** The one line the clerk reads. */
    public String line(VisitOutcome o) {
        if (o instanceof VisitOutcome.CardPayment p) {
            return sales.line(p.payment());
        }
        Object[] args = o.messageArgs().stream().map(a -> a instanceof Fault f ? faultName.apply(f) : String.valueOf(a)).toArray();
        return messages.message(o.messageKey(), args);
    }
}

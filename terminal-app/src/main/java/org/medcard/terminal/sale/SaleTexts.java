package org.medcard.terminal.sale;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.medcard.queue.Fault;

/**
 * Words a sale's outcome for the cashier in the configured language: the caller's side of
 * {@link SaleOutcome#messageKey()} and {@link SaleOutcome#messageArgs()} (the sale itself builds no text).
 */
public final class SaleTexts {

    /** The message catalogue: a key and its arguments in the configured language (the key itself if missing). */
    @FunctionalInterface
    public interface Messages {
        String message(String key, Object... args);
    }

    private final Messages messages;
    private final Function<Fault, String> faultName;
    private final UnaryOperator<String> centerSays;

    /**
     * @param faultName  a fault kind by its name in the configured language (never the enum name, issue 15)
     * @param centerSays a refusal reason as the queue records it, framed by our sentence (not "infcode 2005: ...")
     */
    public SaleTexts(Messages messages, Function<Fault, String> faultName, UnaryOperator<String> centerSays) {
        this.messages = messages;
        this.faultName = faultName;
        this.centerSays = centerSays;
    }

    /** The one line the cashier reads. */
    public String line(SaleOutcome o) {
        if (o instanceof SaleOutcome.SettlementRejected r) {
            return messages.message(r.messageKey(), centerSays.apply(r.reason()));
        }
        Object[] args = o.messageArgs().stream().map(a -> a instanceof Fault f ? faultName.apply(f) : String.valueOf(a)).toArray();
        return messages.message(o.messageKey(), args);
    }
}

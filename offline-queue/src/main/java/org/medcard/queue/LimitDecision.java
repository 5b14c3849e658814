package org.medcard.queue;

import java.util.Objects;

/**
 * The answer to "may this sale be debited offline?" (R11 case 1).
 *
 * @param allowed whether the offline debit may go ahead
 * @param reason  which limit refused, or {@link Reason#WITHIN_LIMITS}
 * @param message a sentence for the cashier, naming the limit and the amounts
 */
public record LimitDecision(boolean allowed, Reason reason, String message) {
    /** Which R11 limit decided. */
    public enum Reason { WITHIN_LIMITS, MODE_CASH_RESETTLE, PER_SALE, PER_CARD_PER_DAY, TERMINAL_TOTAL, OLDEST_RECORD_AGE }

    public LimitDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        if (allowed != (reason == Reason.WITHIN_LIMITS)) {
            throw new IllegalArgumentException("allowed must match reason " + reason);
        }
    }

    static LimitDecision allow() {
        return new LimitDecision(true, Reason.WITHIN_LIMITS, "within the offline limits");
    }

    static LimitDecision refuse(Reason reason, String message) {
        return new LimitDecision(false, reason, message);
    }
}

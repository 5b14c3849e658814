package org.medcard.terminal.resettle;

import java.util.Objects;

/**
 * How opening an entry with the patient's card ended. Amounts in fen.
 *
 * @param refundFen the insured shares (pooling + personal account) handed back in cash, when SETTLED
 * @param message   the cashier's message in the configured language ("re-settlement of entry N …")
 */
public record ResettleOutcome(Kind kind, String entryNo, String setlId, long fundFen, long accountFen, long refundFen,
                              String messageKey, String message) {

    public enum Kind {
        /** 8401 answered: the insured shares are refunded in cash. */
        SETTLED,
        /** The center refused the re-settlement; the entry keeps the center's reason. */
        REJECTED,
        /** Older than {@code resettle.max_days}: can no longer be re-settled. */
        EXPIRED,
        /** Sent but unanswered: the queue resends the same msgid; the refund waits for the answer. */
        PENDING,
        /**
         * The card left during the debit of the account share: unfinished in the journal; presenting the card
         * again resolves it (GET TRANSACTION PROVE) and sends the 8401 if the card was debited.
         */
        INTERRUPTED,
        /** Not tried: wrong card, unknown entry, entry not open, center unreachable, card unreadable. */
        REFUSED
    }

    public ResettleOutcome {
        Objects.requireNonNull(kind, "kind");
    }
}

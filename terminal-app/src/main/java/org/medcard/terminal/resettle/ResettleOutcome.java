package org.medcard.terminal.resettle;

import java.util.List;
import java.util.Objects;

/**
 * How opening an entry with the patient's card ended: one record per kind of outcome, each with only the figures it
 * has (no null or 0 standing for "none"). Amounts in fen. The desk says what happened (a message key and its
 * arguments); the caller words it ({@link ResettleTexts}) and makes its receipt ({@link ResettleDocuments}).
 */
public sealed interface ResettleOutcome permits ResettleOutcome.Settled, ResettleOutcome.Rejected, ResettleOutcome.Expired,
        ResettleOutcome.Pending, ResettleOutcome.Interrupted, ResettleOutcome.Refused {

    /** The outcome's name on the CLI's contract ({@code --json} "outcome") and in logs; one per record. */
    enum Kind {
        SETTLED, REJECTED, EXPIRED, PENDING, INTERRUPTED, REFUSED
    }

    Kind kind();

    /** The entry the cashier opened. */
    String entryNo();

    /** The message key for the cashier ("re-settlement of entry N …"). */
    String messageKey();

    /** The message's arguments, the entry number first; a {@code Fault} is worded by its name in the configured language. */
    default List<Object> messageArgs() {
        return List.of(entryNo());
    }

    /**
     * 8401 answered: the insured shares are refunded in cash.
     *
     * @param fundFen    the pooling share as of the original date
     * @param accountFen what the personal account paid at this re-settlement (0 when it paid nothing now)
     * @param refundFen  the insured shares (pooling + personal account) handed back in cash
     */
    record Settled(String entryNo, String setlId, long fundFen, long accountFen, long refundFen) implements ResettleOutcome {
        public Settled {
            Objects.requireNonNull(entryNo, "entryNo");
            Objects.requireNonNull(setlId, "setlId");
        }

        @Override public Kind kind() { return Kind.SETTLED; }
        @Override public String messageKey() { return "resettle.settled"; }
        @Override public List<Object> messageArgs() { return List.of(entryNo, refundFen); }
    }

    /** The center refused the re-settlement; the entry keeps the center's reason (as the queue records it). */
    record Rejected(String entryNo, String reason) implements ResettleOutcome {
        public Rejected {
            Objects.requireNonNull(entryNo, "entryNo");
            Objects.requireNonNull(reason, "reason");
        }

        @Override public Kind kind() { return Kind.REJECTED; }
        @Override public String messageKey() { return "resettle.rejected"; }
        @Override public List<Object> messageArgs() { return List.of(entryNo, reason); }
    }

    /** Older than {@code resettle.max_days}: can no longer be re-settled. */
    record Expired(String entryNo, int maxDays) implements ResettleOutcome {
        public Expired {
            Objects.requireNonNull(entryNo, "entryNo");
        }

        @Override public Kind kind() { return Kind.EXPIRED; }
        @Override public String messageKey() { return "resettle.expired"; }
        @Override public List<Object> messageArgs() { return List.of(entryNo, maxDays); }
    }

    /** Sent but unanswered: the queue resends the same msgid; the refund waits for the answer. */
    record Pending(String entryNo) implements ResettleOutcome {
        public Pending {
            Objects.requireNonNull(entryNo, "entryNo");
        }

        @Override public Kind kind() { return Kind.PENDING; }
        @Override public String messageKey() { return "resettle.pending"; }
    }

    /**
     * The card left during the debit of the account share: unfinished in the journal; presenting the card again
     * resolves it (GET TRANSACTION PROVE) and sends the 8401 if the card was debited.
     */
    record Interrupted(String entryNo) implements ResettleOutcome {
        public Interrupted {
            Objects.requireNonNull(entryNo, "entryNo");
        }

        @Override public Kind kind() { return Kind.INTERRUPTED; }
        @Override public String messageKey() { return "resettle.interrupted"; }
    }

    /**
     * Not tried, nothing debited: wrong card, unknown entry, entry not open, center unreachable, card unreadable or
     * refused (its status, a PIN, the card's own refusal).
     *
     * @param messageArgs the key's arguments as they are (the entry number first for the desk's own keys)
     */
    record Refused(String entryNo, String messageKey, List<Object> messageArgs) implements ResettleOutcome {
        public Refused {
            Objects.requireNonNull(entryNo, "entryNo");
            Objects.requireNonNull(messageKey, "messageKey");
            messageArgs = List.copyOf(messageArgs);
        }

        @Override public Kind kind() { return Kind.REFUSED; }
    }
}

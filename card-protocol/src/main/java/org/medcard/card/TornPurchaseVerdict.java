package org.medcard.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the card says about a torn purchase (a DEBIT FOR PURCHASE whose answer never came), from GET TRANSACTION
 * PROVE and, when the card no longer holds that proof, from its transaction log (SFI 04).
 *
 * <p>Why the log: a card keeps the proofs of its last few purchases only. Take the card elsewhere for ten more
 * purchases and GET TRANSACTION PROVE answers {@code 9406} for ours whether it debited or not; reading that as
 * "not debited" lost real debits. The log settles it in two cases, because the offline counter moves by one
 * exactly when a purchase debits and the log stores each purchase's counter (the value before its debit):
 * <ul>
 *   <li>a purchase with <em>our</em> counter by another terminal, amount or time: our debit did not happen
 *       (it would have moved the counter past it) — {@link NotDebited};</li>
 *   <li>no purchase at or past our counter, and the log reaches back to an older purchase or is not full: if our
 *       debit had happened it would be the newest purchase in the log — {@link NotDebited}.</li>
 * </ul>
 * Our own purchase in the log (counter, terminal, amount, time all ours) proves the debit but not its TAC, and
 * a counter that moved past ours with our record gone decides nothing: both are {@link Unresolved}, never
 * "not debited". The evidence text is for the supervisor who settles it with the center.
 */
public sealed interface TornPurchaseVerdict {

    /** The card debited and still holds the proof; the TAC was checked by the PSAM. */
    record Debited(PurchaseResult result) implements TornPurchaseVerdict {
        public Debited {
            Objects.requireNonNull(result, "result");
        }
    }

    /** The card did not debit: {@code evidence} says how that is known. */
    record NotDebited(String evidence) implements TornPurchaseVerdict {
    }

    /**
     * The card cannot prove either way, or proves the debit without its TAC.
     *
     * @param debitInLog the card's log shows this very purchase: the card WAS debited, only the TAC is gone
     */
    record Unresolved(String evidence, boolean debitInLog) implements TornPurchaseVerdict {
    }

    /** A purchase in the log with {@code pending}'s counter that is not {@code pending} (another terminal, amount or time). */
    static Optional<TransactionLogRecord> otherPurchaseAt(PendingDebit pending, List<TransactionLogRecord> log) {
        PurchaseIntent intent = pending.intent();
        return log.stream().filter(r -> r.type() == TransactionType.PURCHASE && r.counter() == intent.offlineCounter())
                .filter(r -> !(r.terminalId().equals(intent.terminalId()) && r.amount() == intent.amount()
                        && r.dateTime().equals(pending.dateTime())))
                .findFirst();
    }

    /** The verdict for {@code pending} after GET TRANSACTION PROVE answered {@code 9406}, from the card's log. */
    static TornPurchaseVerdict fromLog(PendingDebit pending, List<TransactionLogRecord> log, int logCapacity) {
        PurchaseIntent intent = pending.intent();
        int counter = intent.offlineCounter();
        String ours = "counter " + counter + ", " + intent.amount() + " fen, terminal " + intent.terminalId() + ", "
                + pending.dateTime();
        List<TransactionLogRecord> purchases = log.stream().filter(r -> r.type() == TransactionType.PURCHASE).toList();
        for (TransactionLogRecord r : purchases) {
            if (r.counter() != counter) {
                continue;
            }
            if (r.terminalId().equals(intent.terminalId()) && r.amount() == intent.amount()
                    && r.dateTime().equals(pending.dateTime())) {
                return new Unresolved("GET TRANSACTION PROVE answered 9406 (the proof is gone) but the card's log holds"
                        + " this purchase (" + ours + "): the card WAS debited; its TAC cannot be read any more", true);
            }
            return new NotDebited("GET TRANSACTION PROVE answered 9406 and the card's log shows counter " + counter
                    + " used by another purchase (" + r.amount() + " fen, terminal " + r.terminalId() + ", " + r.dateTime()
                    + "): ours did not debit");
        }
        boolean movedPast = purchases.stream().anyMatch(r -> r.counter() > counter);
        boolean olderPurchaseSeen = purchases.stream().anyMatch(r -> r.counter() < counter);
        if (!movedPast && (olderPurchaseSeen || log.size() < logCapacity)) {
            return new NotDebited("GET TRANSACTION PROVE answered 9406 and the card's log has no purchase at or after"
                    + " counter " + counter + " (" + log.size() + " record(s)): ours did not debit");
        }
        int newest = purchases.stream().mapToInt(TransactionLogRecord::counter).max().orElse(-1);
        return new Unresolved("GET TRANSACTION PROVE answered 9406 and the card's log (" + log.size() + " record(s)"
                + (newest >= 0 ? ", newest purchase counter " + newest : ", no purchase") + ") no longer reaches this purchase ("
                + ours + "): the card cannot tell whether it was debited", false);
    }
}

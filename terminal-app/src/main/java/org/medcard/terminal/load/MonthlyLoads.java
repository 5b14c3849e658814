package org.medcard.terminal.load;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.Hex;
import org.medcard.card.CardNumber;
import org.medcard.card.LoadIntent;
import org.medcard.card.LoadResult;
import org.medcard.card.MedicalCard;
import org.medcard.card.TransactionLogRecord;
import org.medcard.card.TransactionType;
import org.medcard.psam.TerminalId;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.PendingLoad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R15: credits the card's pending loads when the center is online, before a sale (and on {@code card load}).
 *
 * <p><b>Why the money is never loaded twice.</b> The center keeps a load PENDING until {@code 8502} confirms it,
 * so while a credited load is unconfirmed the center still lists it. Each load goes:
 * <ol>
 *   <li>INITIALIZE FOR LOAD → {@code 8501} with the card's answer → MAC2 (nothing is on the card yet);</li>
 *   <li>{@link LoadJournal#authorized} — committed before CREDIT FOR LOAD leaves the terminal;</li>
 *   <li>CREDIT FOR LOAD → TAC → journal CREDITED (with the TAC) → the {@code 8502} confirmation queued durably in
 *       the offline queue's outbox → journal QUEUED → sent at once; the forwarder retries it if the center is away.</li>
 * </ol>
 * A load whose {@code load_id} is journalled and not NOT_CREDITED is never initialized again by this terminal,
 * whatever the center lists. A crash or a pulled card leaves the journal AUTHORIZED (credit unknown) or CREDITED
 * (confirmation not yet queued). On the next contact with that card, before anything is listed,
 * {@link #resolve} settles each such row: CREDITED rows are queued; for AUTHORIZED rows the card's transaction log
 * (SFI 04) decides — the credit the center authorized writes a LOAD record with exactly the journalled online
 * counter, amount, terminal id and date/time (the MAC2 covers date and time, so no other load can carry them).
 * Found: the load was credited; its TAC was lost with the answer and cannot be asked again (the card has no
 * GET TRANSACTION PROVE for loads), so {@code 8502} goes without {@code tac} and with {@code proof: CARD_LOG}.
 * Not found while the log still reaches back past the load time (fewer than 10 records, or an older record):
 * the card did not credit — NOT_CREDITED, and the center's still-pending load may be authorized afresh (the old
 * MAC2 is useless: it was bound to that session's random and counter). Not found and the log rolled over:
 * unknown — the row stays AUTHORIZED, the load is not retried here, and the technician sees it in
 * {@code card load}. A crash between queueing {@code 8502} and journalling QUEUED repeats the confirmation on
 * recovery; the center answers the second one "already confirmed" and no money moves.
 *
 * <p>Assumptions: one terminal per {@code load_id} at a time (the center does not lock an authorized load); the
 * queue and terminal databases run with {@code synchronous=FULL}. Runs on the reader's worker thread.
 */
public final class MonthlyLoads {
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyLoads.class);
    private static final int LOG_CAPACITY = 10;

    /** What happened to one load in this contact. */
    public record Outcome(String loadId, long amountFen, Result result, Long balanceAfterFen, String note) {
    }

    /** The result of one load. */
    public enum Result {
        /** CREDIT FOR LOAD answered; {@code 8502} queued (and sent when the center answered). */
        CREDITED,
        /** An earlier torn load the card's log proves credited; its confirmation is now queued. */
        RECOVERED_CREDITED,
        /** An earlier torn load the card's log proves not credited; the center may offer it again. */
        RECOVERED_NOT_CREDITED,
        /** The card or center refused (e.g. MAC invalid); nothing was credited. */
        REFUSED,
        /** Credited earlier but the card's log cannot tell (rolled over): left for the technician, not retried. */
        UNKNOWN
    }

    private final LoadJournal journal;
    private final OfflineQueue queue;
    private final Optional<Forwarder> forwarder;
    private final Clock clock;
    private final HostCodec codec = new HostCodec();

    public MonthlyLoads(LoadJournal journal, OfflineQueue queue, Optional<Forwarder> forwarder, Clock clock) {
        this.journal = journal;
        this.queue = queue;
        this.forwarder = forwarder;
        this.clock = clock;
    }

    public LoadJournal journal() {
        return journal;
    }

    /**
     * Resolves this card's earlier torn loads, then credits every pending load the center lists. A
     * {@link org.medcard.transport.CardFault} (card pulled) propagates: the journal already says what to check next
     * time. {@link org.medcard.terminal.center.CenterUnreachable} propagates before anything is credited.
     */
    public List<Outcome> apply(MedicalCard card, TerminalId terminalId, HostApi center) {
        CardNumber cardNo = card.readCardInfo().cardNo();
        List<Outcome> out = new ArrayList<>(resolve(card, cardNo));
        for (PendingLoad p : center.pendingLoads(cardNo.digits())) {
            Optional<LoadJournal.Entry> known = journal.find(p.loadId());
            if (known.isPresent() && known.get().state() != LoadJournal.State.NOT_CREDITED) {
                LOG.info("Load {} for card {} is {} here: not loaded again", p.loadId(), cardNo, known.get().state());
                continue;
            }
            out.add(loadOne(card, cardNo, terminalId, center, p));
        }
        return out;
    }

    private Outcome loadOne(MedicalCard card, CardNumber cardNo, TerminalId terminalId, HostApi center, PendingLoad p) {
        LoadIntent intent;
        String mac2;
        LocalDateTime when = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        try {
            intent = card.initializeForLoad(p.amountFen(), terminalId);
            mac2 = center.authorizeLoad(cardNo.digits(), p.loadId(), intent.oldBalance(), intent.onlineCounter(),
                    Hex.of(intent.cardRandom()), Hex.of(intent.mac1()), terminalId.hex(), when);
        } catch (CardRefusal | CenterRefusal e) {
            LOG.warn("Load {} for card {} refused before credit: {}", p.loadId(), cardNo, e.getMessage());
            return new Outcome(p.loadId(), p.amountFen(), Result.REFUSED, null, e.getMessage());
        }
        journal.authorized(p.loadId(), cardNo.digits(), p.amountFen(), intent.onlineCounter(), terminalId.hex(), when);
        LoadResult credited;
        try {
            credited = card.creditForLoad(when, Hex.parse(mac2));
        } catch (CardRefusal e) {
            // 9302 and the like: the card answered no, so it did not credit.
            journal.notCredited(p.loadId());
            LOG.warn("Card {} refused CREDIT FOR LOAD {}: {}", cardNo, p.loadId(), e.getMessage());
            return new Outcome(p.loadId(), p.amountFen(), Result.REFUSED, null, e.getMessage());
        }
        String tac = Hex.of(credited.tac());
        journal.credited(p.loadId(), tac);
        confirm(journal.find(p.loadId()).orElseThrow());
        LOG.info("Loaded {} fen ({}) onto card {}; balance {}", p.amountFen(), p.loadId(), cardNo, credited.newBalance());
        return new Outcome(p.loadId(), p.amountFen(), Result.CREDITED, credited.newBalance(), p.month());
    }

    /** Settles this card's journalled loads whose credit or confirmation is not yet known to be queued. */
    public List<Outcome> resolve(MedicalCard card, CardNumber cardNo) {
        List<Outcome> out = new ArrayList<>();
        for (LoadJournal.Entry e : journal.ofCard(cardNo.digits(), LoadJournal.State.CREDITED)) {
            confirm(e);
            out.add(new Outcome(e.loadId(), e.amountFen(), Result.RECOVERED_CREDITED, null, "confirmation queued"));
        }
        List<LoadJournal.Entry> torn = journal.ofCard(cardNo.digits(), LoadJournal.State.AUTHORIZED);
        if (torn.isEmpty()) {
            return out;
        }
        List<TransactionLogRecord> log = card.readTransactionLog();
        for (LoadJournal.Entry e : torn) {
            out.add(resolveTorn(e, log));
        }
        return out;
    }

    private Outcome resolveTorn(LoadJournal.Entry e, List<TransactionLogRecord> log) {
        boolean credited = log.stream().anyMatch(r -> r.type() == TransactionType.LOAD && r.counter() == e.onlineCounter()
                && r.amount() == e.amountFen() && r.terminalId().hex().equalsIgnoreCase(e.terminalId())
                && r.dateTime().equals(e.loadTime()));
        if (credited) {
            LOG.info("Torn load {}: the card's log shows it credited (online counter {}); confirming without TAC",
                    e.loadId(), e.onlineCounter());
            journal.credited(e.loadId(), null);
            confirm(journal.find(e.loadId()).orElseThrow());
            return new Outcome(e.loadId(), e.amountFen(), Result.RECOVERED_CREDITED, null, "credited (card log)");
        }
        boolean reachesBack = log.size() < LOG_CAPACITY || log.stream().anyMatch(r -> r.dateTime().isBefore(e.loadTime()));
        if (reachesBack) {
            LOG.info("Torn load {}: the card's log shows no such credit; the center may offer it again", e.loadId());
            journal.notCredited(e.loadId());
            return new Outcome(e.loadId(), e.amountFen(), Result.RECOVERED_NOT_CREDITED, null, "not credited (card log)");
        }
        LOG.error("Torn load {}: the card's log rolled over; cannot tell whether it was credited — left for a technician",
                e.loadId());
        return new Outcome(e.loadId(), e.amountFen(), Result.UNKNOWN, null, "card log rolled over");
    }

    /** Queues {@code 8502} durably, journals QUEUED, and sends it now when a forwarder is there. */
    private void confirm(LoadJournal.Entry e) {
        // Without a TAC (a torn load the card's log shows credited) the codec says so with proof CARD_LOG.
        OutboxMessage m = queue.queue(codec.encode(new HostRequest.ConfirmLoad8502(e.loadId(), e.cardNo(), e.onlineCounter(),
                e.tac())), e.cardNo());
        journal.queued(e.loadId(), m.msgid());
        // A load that returns a rejected or reversed settlement's card debit (issue 14): that message is now settled.
        queue.refundCredited(e.loadId()).ifPresent(msgid -> LOG.info("Refund load {} of message {} credited", e.loadId(), msgid));
        forwarder.ifPresent(f -> {
            try {
                f.sendNow(m.msgid());
            } catch (RuntimeException ex) {
                LOG.warn("8502 for load {} stays queued: {}", e.loadId(), ex.getMessage());
            }
        });
    }

    /** Whether the queued confirmation of {@code loadId} has been answered by the center. */
    public Optional<OutboxState> confirmationState(String loadId) {
        return journal.find(loadId).map(LoadJournal.Entry::msgid).flatMap(queue::message).map(OutboxMessage::state);
    }
}

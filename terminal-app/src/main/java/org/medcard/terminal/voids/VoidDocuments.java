package org.medcard.terminal.voids;

import java.time.LocalDateTime;
import java.util.Optional;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.Settled;
import org.medcard.terminal.receipt.Insured;
import org.medcard.terminal.receipt.Letterhead;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.Split;
import org.medcard.terminal.receipt.VoidReceipt;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The void receipt of a voided {@link VoidOutcome}, assembled by the caller after the desk, naming the settlement it
 * cancels: the cancelled sale's receipt in the journal (name, time, split), else the {@code 2102}/{@code 2207}
 * message and answer in the offline queue (a settlement made before receipts were journalled, or at another counter).
 */
public final class VoidDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(VoidDocuments.class);
    /** Printed where a name is not known to this terminal (a settlement made at another counter). */
    private static final String UNKNOWN = "—";

    private final OfflineQueue queue;
    private final ReceiptJournal journal;
    private final Letterhead letterhead;
    private final HostCodec codec = new HostCodec();

    public VoidDocuments(OfflineQueue queue, ReceiptJournal journal, Letterhead letterhead) {
        this.queue = queue;
        this.journal = journal;
        this.letterhead = letterhead;
    }

    /** The void receipt of a {@link VoidOutcome.Voided}; empty for any other outcome. */
    public Optional<ReceiptDocument> voidReceipt(VoidOutcome outcome, String reason, String supervisor) {
        if (!(outcome instanceof VoidOutcome.Voided o)) {
            return Optional.empty();
        }
        Optional<ReceiptDocument> original = journal.bySetlId(o.setlId());
        Insured insured;
        LocalDateTime time;
        Split split;
        if (original.isPresent() && original.get() instanceof SaleReceipt s) {
            insured = s.insured();
            time = s.header().time();
            split = s.split();
        } else if (original.isPresent() && original.get() instanceof RegistrationSlip r) {
            insured = r.insured();
            time = r.header().time();
            split = r.split();
        } else {
            // Settled before receipts were journalled, or at another counter: what the queue knows.
            Optional<Settled> out = Optional.empty();
            Optional<OutboxMessage> settle = Optional.empty();
            for (OutboxMessage m : queue.messages(OutboxState.DONE)) {
                Optional<Settled> s = settledBy(m).filter(a -> o.setlId().equals(a.setlId()));
                if (s.isPresent()) {
                    out = s;
                    settle = Optional.of(m);
                }
            }
            long fund = out.map(Settled::fundPayFen).orElse(o.fundFen());
            long acct = out.map(Settled::acctPayFen).orElse(o.accountFen());
            long cash = out.map(Settled::cashPayFen).orElse(o.cashBackFen());
            split = new Split(fund + acct + cash, fund, acct, cash);
            insured = new Insured(UNKNOWN, UNKNOWN, settle.map(OutboxMessage::cardKey).orElse(null));
            time = settle.map(m -> LocalDateTime.ofInstant(m.createdAt(), letterhead.clock().getZone()))
                    .orElse(LocalDateTime.now(letterhead.clock()));
        }
        return Optional.of(new VoidReceipt(letterhead.stamp(supervisor), insured, o.setlId(), time, split,
                reason == null || reason.isBlank() ? UNKNOWN : reason, o.accountFen(), o.fundFen(), null));
    }

    /** The answer of a settlement (2102, 2207) stored in {@code m}; empty for any other message. */
    private Optional<Settled> settledBy(OutboxMessage m) {
        HostRequest<?> r = codec.tryDecode(m.message()).orElse(null);
        if (r instanceof HostRequest.Settle2102 s) {
            return answer(s, m);
        }
        if (r instanceof HostRequest.OutpatientSettle2207 s) {
            return answer(s, m);
        }
        return Optional.empty();
    }

    private <A> Optional<A> answer(HostRequest<A> request, OutboxMessage m) {
        try {
            return Optional.of(codec.answer(request, m.resultJson()));
        } catch (CenterUnreachable e) {
            LOG.warn("Stored answer to {} ({}) cannot be read: {}", m.msgid(), m.transaction(), e.getMessage());
            return Optional.empty();
        }
    }
}

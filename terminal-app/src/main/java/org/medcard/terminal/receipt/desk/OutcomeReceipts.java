package org.medcard.terminal.receipt.desk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.PurseRecord;
import org.medcard.queue.ResettlementEntry;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.Resettled;
import org.medcard.terminal.center.Settled;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.receipt.CardProof;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.Insured;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.ReceiptHeader;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.ResettlementReceipt;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.Split;
import org.medcard.terminal.receipt.VoidReceipt;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.voids.VoidOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of the outcomes whose desks return figures rather than a document: the registration slip, the
 * re-settlement receipt, the void receipt and the day-close report. The sale machinery makes its own (sale
 * receipt, cash receipt with its entry number; see {@code sale.Receipts}), and so does an outpatient visit's
 * settlement; {@link #of(SaleOutcome)} and {@link #of(VisitOutcome)} just take them.
 *
 * <p>What the outcome lacks comes from what this terminal already recorded: the receipt journal (the sale a void
 * cancels, the cash receipt a re-settlement follows — the patient's name and items) and the offline queue
 * (the {@code 8401}/{@code 2102} messages and their answers). An outcome that was not completed (refused,
 * pending, rejected) has no document: the patient gets paper once the center has answered.
 */
public final class OutcomeReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeReceipts.class);
    /** Printed where a name is not known to this terminal (a settlement made at another counter). */
    static final String UNKNOWN = "—";

    private final OfflineQueue queue;
    private final TerminalConfig config;
    private final Clock clock;
    private final ReceiptJournal journal;
    private final HostCodec codec = new HostCodec();

    /**
     * @param queue  what this terminal sent (the settlements a void or a re-settlement names)
     * @param config the institution and counter every header names
     */
    public OutcomeReceipts(OfflineQueue queue, TerminalConfig config, Clock clock, ReceiptJournal journal) {
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.journal = journal;
    }

    /** A sale's receipt: settled, debited offline, or cash with its re-settlement entry. */
    public static Optional<ReceiptDocument> of(SaleOutcome o) {
        return o.receiptDocument();
    }

    /** An outpatient settlement's receipt (items and fee, {@code 2207}). */
    public static Optional<ReceiptDocument> of(VisitOutcome o) {
        return o.payment() == null ? Optional.empty() : o.payment().receiptDocument();
    }

    /**
     * The registration slip of a visit registered with its fee settled at once.
     *
     * @param department the department's name
     * @param doctor the doctor's name, or {@code null}
     */
    public Optional<ReceiptDocument> registrationSlip(VisitOutcome o, String department, String doctor) {
        Optional<ReceiptDocument> paid = of(o);
        if (paid.isEmpty() || !(paid.get() instanceof SaleReceipt s) || o.mdtrtId() == null) {
            return Optional.empty();
        }
        return Optional.of(new RegistrationSlip(s.header(), s.insured(), o.mdtrtId(), department, doctor, s.split(), s.setlId(),
                s.proof()));
    }

    /** The re-settlement receipt of a SETTLED outcome: the original entry, the split now, the refund. */
    public Optional<ReceiptDocument> resettlement(ResettleOutcome o, String cashier) {
        if (o.kind() != ResettleOutcome.Kind.SETTLED) {
            return Optional.empty();
        }
        Optional<OutboxMessage> sent = done(m -> decoded(m) instanceof HostRequest.Resettle8401 r
                && (o.entryNo().equals(m.entryNo()) || o.entryNo().equals(r.entryNo())));
        Optional<ResettlementEntry> local = queue.resettlement(o.entryNo());
        Optional<HostRequest.Resettle8401> in = sent.map(m -> (HostRequest.Resettle8401) decoded(m));
        Optional<Resettled> out = sent.flatMap(m -> answer(in.get(), m));
        Optional<CashReceipt> original = journal.byEntryNo(o.entryNo()).filter(CashReceipt.class::isInstance).map(CashReceipt.class::cast);

        long cashPaid = local.map(ResettlementEntry::cashPaidFen).orElseGet(() -> in.map(HostRequest.Resettle8401::cashPaidFen).orElse(0L));
        String originalTime = local.map(ResettlementEntry::originalTime).orElseGet(() -> in.map(HostRequest.Resettle8401::originalTime).orElse(null));
        String certNo = local.map(ResettlementEntry::psnCertNo).orElseGet(() -> in.map(HostRequest.Resettle8401::psnCertNo).orElse(UNKNOWN));
        String name = original.map(c -> c.insured().name()).orElse(UNKNOWN);
        String cardNo = in.map(HostRequest.Resettle8401::cardNo).orElse(null);
        long fund = o.fundFen();
        long acct = o.accountFen();
        CardProof proof = null;
        if (acct > 0) {
            String tac = in.map(HostRequest.Resettle8401::purse).map(PurseRecord::tac).orElse(null);
            long balance = out.map(Resettled::acctBalanceShadowFen).orElse(-1L);
            if (tac == null || balance < 0) {
                LOG.warn("Re-settlement of entry {}: acct_pay {} fen without the card's TAC; no receipt composed", o.entryNo(), acct);
                return Optional.empty();
            }
            proof = new CardProof(tac, balance);
        }
        try {
            return Optional.of(new ResettlementReceipt(header(cashier), new Insured(name, certNo, cardNo), o.entryNo(),
                    parseTime(originalTime), cashPaid, new Split(cashPaid, fund, acct, cashPaid - fund - acct), o.refundFen(),
                    o.setlId(), proof));
        } catch (IllegalArgumentException e) {
            LOG.warn("Re-settlement of entry {}: no receipt composed ({})", o.entryNo(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The void receipt of a VOIDED outcome, naming the settlement it cancels. */
    public Optional<ReceiptDocument> voidReceipt(VoidOutcome o, String reason, String supervisor) {
        if (o.kind() != VoidOutcome.Kind.VOIDED) {
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
            time = settle.map(m -> LocalDateTime.ofInstant(m.createdAt(), zone())).orElse(LocalDateTime.now(clock));
        }
        return Optional.of(new VoidReceipt(header(supervisor), insured, o.setlId(), time, split,
                reason == null || reason.isBlank() ? UNKNOWN : reason, o.accountFen(), o.fundFen(), null));
    }

    /** The day-close report. */
    public ReceiptDocument dayClose(DayClose.Result r, String operator) {
        return r.toReport(header(operator));
    }

    /** The header every document of this terminal carries, stamped now. */
    public ReceiptHeader header(String operator) {
        var c = config;
        return ReceiptHeader.now(c.institutionCode(), c.institutionName(), "T" + c.terminalNumber(), operator, c.trainingMode(),
                clock);
    }

    private Optional<OutboxMessage> done(java.util.function.Predicate<OutboxMessage> match) {
        return queue.messages(OutboxState.DONE).stream().filter(match).reduce((a, b) -> b);
    }

    /** The stored message as the codec reads it, or null when it is none it knows. */
    private HostRequest<?> decoded(OutboxMessage m) {
        return codec.tryDecode(m.message()).orElse(null);
    }

    /** The answer of a settlement (2102, 2207) stored in {@code m}; empty for any other message. */
    private Optional<Settled> settledBy(OutboxMessage m) {
        HostRequest<?> r = decoded(m);
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
            LOG.warn("Stored answer to {} ({}) cannot be read: {}", m.msgid(), m.infno(), e.getMessage());
            return Optional.empty();
        }
    }

    private LocalDateTime parseTime(String text) {
        if (text == null || text.isBlank()) {
            return LocalDateTime.now(clock);
        }
        String t = text.trim().replace(' ', 'T');
        return LocalDateTime.parse(t.length() == 16 ? t + ":00" : t);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

}

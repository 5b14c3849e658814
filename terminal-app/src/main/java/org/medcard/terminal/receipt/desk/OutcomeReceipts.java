package org.medcard.terminal.receipt.desk;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.ResettlementEntry;
import org.medcard.terminal.Terminal;
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

    private final Terminal terminal;
    private final ReceiptJournal journal;
    private final ObjectMapper json = new ObjectMapper();

    public OutcomeReceipts(Terminal terminal, ReceiptJournal journal) {
        this.terminal = terminal;
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
        Optional<OutboxMessage> sent = done("8401", m -> o.entryNo().equals(m.entryNo())
                || o.entryNo().equals(read(m.inputJson()).path("entry_no").asText()));
        Optional<ResettlementEntry> local = terminal.queue().resettlement(o.entryNo());
        JsonNode in = sent.map(m -> read(m.inputJson())).orElse(json.createObjectNode());
        JsonNode out = sent.map(m -> read(m.resultJson())).orElse(json.createObjectNode());
        Optional<CashReceipt> original = journal.byEntryNo(o.entryNo()).filter(CashReceipt.class::isInstance).map(CashReceipt.class::cast);

        long cashPaid = local.map(ResettlementEntry::cashPaidFen).orElseGet(() -> in.path("cash_paid").asLong());
        String originalTime = local.map(ResettlementEntry::originalTime).orElseGet(() -> in.path("original_time").asText(null));
        String certNo = local.map(ResettlementEntry::psnCertNo).orElseGet(() -> in.path("psn_cert_no").asText(UNKNOWN));
        String name = original.map(c -> c.insured().name()).orElse(UNKNOWN);
        String cardNo = in.path("card_no").asText(null);
        long fund = o.fundFen();
        long acct = o.accountFen();
        CardProof proof = null;
        if (acct > 0) {
            String tac = in.path("purse").path("tac").asText(null);
            long balance = out.path("acct_balance_shadow").asLong(-1);
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
            Optional<OutboxMessage> settle = done(null, m -> ("2102".equals(m.infno()) || "2207".equals(m.infno()))
                    && o.setlId().equals(read(m.resultJson()).path("setl_id").asText()));
            JsonNode out = settle.map(m -> read(m.resultJson())).orElse(json.createObjectNode());
            long fund = out.path("fund_pay").asLong(o.fundFen());
            long acct = out.path("acct_pay").asLong(o.accountFen());
            long cash = out.path("cash_pay").asLong(o.cashBackFen());
            split = new Split(fund + acct + cash, fund, acct, cash);
            insured = new Insured(UNKNOWN, UNKNOWN, settle.map(OutboxMessage::cardKey).orElse(null));
            time = settle.map(m -> LocalDateTime.ofInstant(m.createdAt(), zone())).orElse(LocalDateTime.now(terminal.clock()));
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
        var c = terminal.config();
        return ReceiptHeader.now(c.institutionCode(), c.institutionName(), "T" + c.terminalNumber(), operator, c.trainingMode(),
                terminal.clock());
    }

    private Optional<OutboxMessage> done(String infno, java.util.function.Predicate<OutboxMessage> match) {
        return terminal.queue().messages(OutboxState.DONE).stream()
                .filter(m -> infno == null || infno.equals(m.infno())).filter(match).reduce((a, b) -> b);
    }

    private LocalDateTime parseTime(String text) {
        if (text == null || text.isBlank()) {
            return LocalDateTime.now(terminal.clock());
        }
        String t = text.trim().replace(' ', 'T');
        return LocalDateTime.parse(t.length() == 16 ? t + ":00" : t);
    }

    private ZoneId zone() {
        return terminal.clock().getZone();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (IOException e) {
            throw new IllegalStateException("stored center message unreadable", e);
        }
    }
}

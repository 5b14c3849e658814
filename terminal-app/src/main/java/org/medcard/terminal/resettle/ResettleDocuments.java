package org.medcard.terminal.resettle;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalLong;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.PurseRecord;
import org.medcard.queue.ResettlementEntry;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.Resettled;
import org.medcard.terminal.receipt.CardProof;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.Insured;
import org.medcard.terminal.receipt.Letterhead;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.ResettlementReceipt;
import org.medcard.terminal.receipt.Split;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-settlement receipt of a settled {@link ResettleOutcome}, assembled by the caller after the desk: the
 * original entry and time, the split now, the refund. What the outcome lacks comes from what this terminal already
 * recorded: the {@code 8401} message and its answer in the offline queue, the patient's name from the original cash
 * receipt in the receipt journal (a dash when the entry was made at another counter).
 */
public final class ResettleDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(ResettleDocuments.class);
    /** Printed where a name is not known to this terminal (a settlement made at another counter). */
    private static final String UNKNOWN = "—";

    private final OfflineQueue queue;
    private final ReceiptJournal journal;
    private final Letterhead letterhead;
    private final HostCodec codec = new HostCodec();

    public ResettleDocuments(OfflineQueue queue, ReceiptJournal journal, Letterhead letterhead) {
        this.queue = queue;
        this.journal = journal;
        this.letterhead = letterhead;
    }

    /** The re-settlement receipt of a SETTLED outcome; empty for any other. */
    public Optional<ReceiptDocument> resettlement(ResettleOutcome outcome, String cashier) {
        if (!(outcome instanceof ResettleOutcome.Settled o)) {
            return Optional.empty();
        }
        Optional<OutboxMessage> sent = queue.messages(OutboxState.DONE).stream()
                .filter(m -> codec.tryDecode(m.message()).orElse(null) instanceof HostRequest.Resettle8401 r
                        && (o.entryNo().equals(m.entryNo()) || o.entryNo().equals(r.entryNo())))
                .reduce((a, b) -> b);
        Optional<ResettlementEntry> local = queue.resettlement(o.entryNo());
        Optional<HostRequest.Resettle8401> in = sent.map(m -> (HostRequest.Resettle8401) codec.tryDecode(m.message()).orElseThrow());
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
            OptionalLong balance = out.map(Resettled::acctBalanceShadowFen).orElse(OptionalLong.empty());
            if (tac == null || balance.isEmpty()) {
                LOG.warn("Re-settlement of entry {}: acct_pay {} fen without the card's TAC; no receipt composed", o.entryNo(), acct);
                return Optional.empty();
            }
            proof = new CardProof(tac, balance.getAsLong());
        }
        try {
            return Optional.of(new ResettlementReceipt(letterhead.stamp(cashier), new Insured(name, certNo, cardNo), o.entryNo(),
                    parseTime(originalTime), cashPaid, new Split(cashPaid, fund, acct, cashPaid - fund - acct), o.refundFen(),
                    o.setlId(), proof));
        } catch (IllegalArgumentException e) {
            LOG.warn("Re-settlement of entry {}: no receipt composed ({})", o.entryNo(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Resettled> answer(HostRequest.Resettle8401 request, OutboxMessage m) {
        try {
            return Optional.of(codec.answer(request, m.resultJson()));
        } catch (CenterUnreachable e) {
            LOG.warn("Stored answer to {} ({}) cannot be read: {}", m.msgid(), m.transaction(), e.getMessage());
            return Optional.empty();
        }
    }

    private LocalDateTime parseTime(String text) {
        if (text == null || text.isBlank()) {
            return LocalDateTime.now(letterhead.clock());
        }
        String t = text.trim().replace(' ', 'T');
        return LocalDateTime.parse(t.length() == 16 ? t + ":00" : t);
    }
}

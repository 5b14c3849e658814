package org.medcard.terminal.present.supervisor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.medcard.terminal.receipt.Insured;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.ResettlementReceipt;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.Split;
import org.medcard.terminal.receipt.desk.ReceiptJournal;

/**
 * The settled sales of a day that can still be voided, from the receipt journal (the same one {@code medcard
 * receipt list} reads): every sale receipt, registration slip and re-settlement receipt with a settlement number,
 * less those a void receipt already names. The journal holds the amounts and the holder exactly as printed, so
 * the supervisor picks from what the patient's paper says.
 */
public final class TodaysSales {

    private static final Set<String> VOIDABLE = Set.of("sale-receipt", "registration-slip", "resettlement-receipt");
    private final ReceiptJournal journal;

    public TodaysSales(ReceiptJournal journal) {
        this.journal = journal;
    }

    /** The day's voidable sales, newest first (the one just sold is the one most often voided). */
    public List<SaleToVoid> list(LocalDate day) {
        List<ReceiptJournal.Entry> entries = journal.list(day);
        Set<String> voided = entries.stream().filter(e -> e.kind().equals("void-receipt") && e.setlId() != null)
                .map(ReceiptJournal.Entry::setlId).collect(Collectors.toSet());
        List<SaleToVoid> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ReceiptJournal.Entry e = entries.get(i);
            if (VOIDABLE.contains(e.kind()) && e.setlId() != null && !e.setlId().isBlank() && !voided.contains(e.setlId())) {
                journal.document(e.id()).flatMap(d -> row(e, d)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The sale receipt of settlement {@code setlId} on any day, for a number typed by hand (receipt number 0: not looked up). */
    public Optional<SaleToVoid> find(String setlId) {
        return journal.bySetlId(setlId).flatMap(d -> row(0, setlId, d));
    }

    private static Optional<SaleToVoid> row(ReceiptJournal.Entry e, ReceiptDocument d) {
        return row(e.id(), e.setlId(), d);
    }

    private static Optional<SaleToVoid> row(long id, String setlId, ReceiptDocument d) {
        Split split;
        Insured insured;
        if (d instanceof SaleReceipt s) {
            split = s.split();
            insured = s.insured();
        } else if (d instanceof RegistrationSlip r) {
            split = r.split();
            insured = r.insured();
        } else if (d instanceof ResettlementReceipt r) {
            split = r.split();
            insured = r.insured();
        } else {
            return Optional.empty();
        }
        return Optional.of(new SaleToVoid(id, d.toSheet().kind(), setlId, d.header().time(), split.total(), split.fundPay(), split.acctPay(),
                split.cashPay(), insured.maskedCardNo(), insured.name()));
    }
}

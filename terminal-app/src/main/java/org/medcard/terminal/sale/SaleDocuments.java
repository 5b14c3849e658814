package org.medcard.terminal.sale;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.receipt.CardProof;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.FundNote;
import org.medcard.terminal.receipt.Insured;
import org.medcard.terminal.receipt.LineItem;
import org.medcard.terminal.receipt.Letterhead;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.ReceiptHeader;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.Split;

/**
 * The receipt documents of a sale's outcome (see docs/receipts.md), assembled by the caller after the sale: a
 * settlement receipt for a settled, settlement-pending or offline-debited sale (the card was debited: the patient
 * leaves with paper and the TAC), a cash receipt with the entry number for R11 case 2. Refused, rejected and
 * interrupted sales have none.
 */
public final class SaleDocuments {

    private final Letterhead letterhead;
    private final Function<String, Optional<String>> itemNames;
    private final int resettleMaxDays;
    private final Function<org.medcard.queue.Fault, String> faultName;

    /**
     * @param itemNames       an item code's name in the downloaded catalog
     * @param resettleMaxDays R11: days a cash sale can be re-settled (printed on the cash receipt)
     * @param faultName       a fault kind in the configured language
     */
    public SaleDocuments(Letterhead letterhead, Function<String, Optional<String>> itemNames, int resettleMaxDays,
                         Function<org.medcard.queue.Fault, String> faultName) {
        this.letterhead = letterhead;
        this.itemNames = itemNames;
        this.resettleMaxDays = resettleMaxDays;
        this.faultName = faultName;
    }

    /** The receipt of a pharmacy sale's outcome, issued by {@code cashier}. */
    public Optional<ReceiptDocument> of(SaleOutcome o, String cashier) {
        if (o instanceof SaleOutcome.Settled s) {
            return sale(s.contact(), s.purchase(), s.debit(), s.setlId(), false, cashier);
        }
        if (o instanceof SaleOutcome.SettlementPending p) {
            return sale(p.contact(), p.purchase(), p.debit(), Optional.empty(), false, cashier);
        }
        if (o instanceof SaleOutcome.OfflineDebited d) {
            return sale(d.contact(), d.purchase(), Optional.of(d.debit()), Optional.empty(), true, cashier);
        }
        if (o instanceof SaleOutcome.CashResettle c) {
            return Optional.of(cash(c, cashier));
        }
        return Optional.empty(); // refused, rejected, interrupted: paper once the center has answered
    }

    /**
     * A settled outpatient visit (registration fee and items, {@code 2207}) paid through
     * {@link PharmacySale#payPreSettled}: its settlement receipt; any other outcome has none yet.
     */
    public Optional<ReceiptDocument> visit(SaleOutcome o, String cashier) {
        return o instanceof SaleOutcome.Settled s ? sale(s.contact(), s.purchase(), s.debit(), s.setlId(), false, cashier)
                : Optional.empty();
    }

    private Optional<ReceiptDocument> sale(SaleOutcome.CardContact c, SaleOutcome.Purchase p, Optional<SaleOutcome.CardDebit> debit,
                                           Optional<String> setlId, boolean offline, String cashier) {
        if (p.lines().isEmpty()) {
            return Optional.empty(); // the items could not be read back (logged where the sale ended): no receipt
        }
        Insured insured = new Insured(c.holderName(), c.holderIdNumber(), c.cardNo());
        Insured beneficiary = p.beneficiary().map(b -> new Insured(b.name(), b.certNo(), null)).orElse(null);
        PaymentPlan plan = p.plan();
        // The proof names the balance the card reported; a debit whose balance is not known prints no proof line.
        CardProof proof = debit.filter(d -> d.balanceAfterFen().isPresent())
                .map(d -> new CardProof(d.tac(), d.balanceAfterFen().getAsLong())).orElse(null);
        // Issue 15: the fund's 0 with the reason the split on the screen gave (the sale kept the policy's rule).
        FundNote fundNote = p.noPooling().map(n -> new FundNote(n.rule(), n.from())).orElse(null);
        return Optional.of(new SaleReceipt(letterhead.stamp(cashier), insured, beneficiary, items(p.lines()),
                new Split(plan.totalFen(), plan.fundFen(), plan.accountFen(), plan.cashFen()), setlId.orElse(null), proof, offline)
                .withFundNote(fundNote));
    }

    private ReceiptDocument cash(SaleOutcome.CashResettle c, String cashier) {
        Insured insured = new Insured(c.card().map(SaleOutcome.CardContact::holderName).orElse("—"), c.idNumber(),
                c.card().map(SaleOutcome.CardContact::cardNo).orElse(null));
        ReceiptHeader header = letterhead.stamp(cashier);
        // The fault happened as this sale was made: the receipt's date is the fault's date.
        return new CashReceipt(header, insured, items(c.lines()), c.cash().cashFen(), c.entryNo(), faultName.apply(c.fault()),
                CashReceipt.lastResettleDay(header.time().toLocalDate(), resettleMaxDays));
    }

    private List<LineItem> items(List<SaleLine> lines) {
        List<LineItem> out = new ArrayList<>();
        for (SaleLine l : lines) {
            out.add(new LineItem(l.code(), itemNames.apply(l.code()).orElse(l.code()), l.quantity(), l.unitPriceFen()));
        }
        return out;
    }
}

package org.medcard.terminal.sale;

import java.util.List;
import java.util.Optional;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.session.TornSale;

/**
 * A sale's outcome as the tests read it: the figures the CLI's {@code --json} prints (null / -1 where the outcome
 * has none), the message in the configured language and the receipt the caller assembles, next to the sealed
 * {@link #outcome()} itself. Test code only: the terminal never flattens an outcome like this.
 */
public record SaleView(SaleOutcome outcome, String message, Optional<ReceiptDocument> receiptDocument) {

    /** The outcome of a pharmacy sale, worded and with its receipt, as the CLI and the counter assemble them. */
    public static SaleView of(Terminal t, SaleOutcome o) {
        return new SaleView(o, t.saleTexts().line(o), t.saleDocuments().of(o, "cashier01"));
    }

    /** The outcome of a visit's payment ({@link PharmacySale#payPreSettled}): only a settled visit has a receipt here. */
    public static SaleView ofVisit(Terminal t, SaleOutcome o) {
        return new SaleView(o, t.saleTexts().line(o), t.saleDocuments().visit(o, "clerk"));
    }

    public SaleOutcome.Kind kind() {
        return outcome.kind();
    }

    public PaymentPlan plan() {
        return outcome.plan().orElse(null);
    }

    public String saleId() {
        return outcome instanceof SaleOutcome.Interrupted i ? i.saleId()
                : outcome.cardDebit().map(SaleOutcome.CardDebit::saleId).orElse(null);
    }

    public String tac() {
        return outcome.cardDebit().map(SaleOutcome.CardDebit::tac).orElse(null);
    }

    public String setlId() {
        return outcome instanceof SaleOutcome.Settled s ? s.setlId().orElse(null) : null;
    }

    public String entryNo() {
        return outcome instanceof SaleOutcome.CashResettle c ? c.entryNo()
                : outcome instanceof SaleOutcome.OfflineDebited d ? d.cashEntryNo().orElse(null) : null;
    }

    public long balanceAfterFen() {
        return outcome.balanceAfterFen().orElse(-1);
    }

    public String cardNoMasked() {
        return outcome.card().map(SaleOutcome.CardContact::cardNoMasked).orElse(null);
    }

    public String holderName() {
        return outcome.card().map(SaleOutcome.CardContact::holderName).orElse(null);
    }

    public String beneficiaryPsnNo() {
        SaleOutcome o = outcome;
        SaleOutcome.Purchase p = o instanceof SaleOutcome.Settled s ? s.purchase()
                : o instanceof SaleOutcome.SettlementPending s ? s.purchase()
                : o instanceof SaleOutcome.SettlementRejected s ? s.purchase()
                : o instanceof SaleOutcome.Interrupted s ? s.purchase() : null;
        return p == null ? null : p.beneficiary().map(SaleOutcome.Beneficiary::psnNo).orElse(null);
    }

    public String messageKey() {
        return outcome.messageKey();
    }

    public List<TornSale> recovered() {
        return outcome.recovered();
    }

    public long loadedFen() {
        return outcome.loadedFen();
    }

    public ReceiptDocument receipt() {
        return receiptDocument.orElse(null);
    }
}

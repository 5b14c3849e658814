package org.medcard.terminal.sale;

import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.center.CatalogItem;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.PersonInfo;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.receipt.CardProof;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.Insured;
import org.medcard.terminal.receipt.LineItem;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.ReceiptHeader;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.Split;
import org.medcard.terminal.session.CardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipt documents of a sale's outcome (see docs/receipts.md): a settlement receipt for a settled or
 * offline-debited sale, a cash receipt with the entry number for R11 case 2. A sale whose settlement is
 * still unanswered gets its receipt once the center answers (not here).
 */
final class Receipts {

    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);
    private final HostCodec codec = new HostCodec();

    private final Terminal terminal;

    Receipts(Terminal terminal) {
        this.terminal = terminal;
    }

    /**
     * @param beneficiaryName the family member (R3) as 1101 lists them; the receipt prints their ID number from 1101's
     *                        family list (masked), never their personnel number
     */
    ReceiptDocument sale(SaleOutcome o, CardView view, List<SaleLine> lines, String beneficiaryName, String cashier) {
        Insured insured = new Insured(view.holder().name(), view.holder().idNumber().value(), view.info().cardNo().digits());
        Insured beneficiary = o.beneficiaryPsnNo() == null ? null
                : new Insured(beneficiaryName, beneficiaryCertNo(view, o.beneficiaryPsnNo()), null);
        PaymentPlan p = o.plan();
        CardProof proof = o.tac() == null ? null : new CardProof(o.tac(), o.balanceAfterFen());
        return new SaleReceipt(header(cashier), insured, beneficiary, items(lines),
                new Split(p.totalFen(), p.fundFen(), p.accountFen(), p.cashFen()), o.setlId(), proof,
                o.kind() == SaleOutcome.Kind.OFFLINE_DEBITED);
    }

    /**
     * A settled outpatient visit (registration fee and items, {@code 2207}) paid through
     * {@link PharmacySale#payPreSettled}: its settlement receipt, from the items as sent to the center.
     * Other outcomes pass through unchanged.
     */
    SaleOutcome visit(SaleOutcome o, CardView view, String itemsJson, String beneficiaryName, String cashier) {
        if (o.kind() != SaleOutcome.Kind.SETTLED || o.receipt() != null) {
            return o;
        }
        try {
            return o.withReceipt(sale(o, view, codec.items(itemsJson), beneficiaryName, cashier));
        } catch (IllegalArgumentException e) {
            // The visit is settled; a receipt that cannot be composed must not undo that. Logged for the supervisor.
            LOG.warn("Visit settlement {}: no receipt composed ({})", o.setlId(), e.getMessage());
            return o;
        }
    }

    /** R3: the member's ID number from 1101's family list, or a dash when the center did not list one. */
    private static String beneficiaryCertNo(CardView view, String psnNo) {
        return view.person().flatMap(p -> p.family().stream().filter(m -> m.psnNo().equals(psnNo)).findFirst())
                .map(PersonInfo.FamilyMember::psnCertNo).filter(c -> !c.isBlank()).orElse("—");
    }

    ReceiptDocument cash(SaleOutcome o, CardView view, String idNumber, List<SaleLine> lines, String fault, String cashier) {
        Insured insured = new Insured(view == null ? "—" : view.holder().name(), idNumber,
                view == null ? null : view.info().cardNo().digits());
        ReceiptHeader header = header(cashier);
        // The fault happened as this sale was made: the receipt's date is the fault's date.
        return new CashReceipt(header, insured, items(lines), o.plan().cashFen(), o.entryNo(), fault,
                CashReceipt.lastResettleDay(header.time().toLocalDate(), terminal.config().resettleMaxDays()));
    }

    private ReceiptHeader header(String cashier) {
        var c = terminal.config();
        return ReceiptHeader.now(c.institutionCode(), c.institutionName(), "T" + c.terminalNumber(), cashier,
                c.trainingMode(), terminal.clock());
    }

    private List<LineItem> items(List<SaleLine> lines) {
        List<LineItem> out = new ArrayList<>();
        for (SaleLine l : lines) {
            String name = terminal.downloads().item(l.code()).map(CatalogItem::name).orElse(l.code());
            out.add(new LineItem(l.code(), name, l.quantity(), l.unitPriceFen()));
        }
        return out;
    }
}

package org.medcard.terminal.registration;

import java.util.Optional;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.SaleDocuments;

/**
 * The documents of a visit's outcome, assembled by the caller after the desk: the settlement receipt of an
 * outpatient visit ({@code 2207}, items and fee) and the registration slip of a visit registered with its fee settled
 * at once. Built from the card payment's figures ({@link SaleDocuments#visit}); a visit without a settled payment has
 * none.
 */
public final class VisitDocuments {

    private final SaleDocuments sales;

    public VisitDocuments(SaleDocuments sales) {
        this.sales = sales;
    }

    /**
     * An outpatient settlement's receipt, issued by {@code clerk}: a settled batch's settlement receipt, or for a fee or
     * batch paid in cash during a fault (R11 case 2) the cash receipt with its entry number. Any other outcome has none.
     */
    public Optional<ReceiptDocument> settlement(VisitOutcome o, String clerk) {
        if (o instanceof VisitOutcome.Settled s) {
            return sales.visit(s.payment(), clerk);
        }
        if (o instanceof VisitOutcome.CashResettle c) {
            return sales.of(c.payment(), clerk);
        }
        return Optional.empty(); // nothing paid yet, or the center has not answered: paper once it has
    }

    /**
     * A registration's document: the registration slip of a visit registered with its fee settled at once, or the cash
     * receipt (entry number, last re-settle day) of a fee paid in cash during a fault. A visit left open has none yet.
     *
     * @param department the department's name
     * @param doctor the doctor's name, empty for a general registration
     */
    public Optional<ReceiptDocument> registration(VisitOutcome o, String department, Optional<String> doctor, String clerk) {
        if (o instanceof VisitOutcome.CashResettle) {
            return settlement(o, clerk);
        }
        if (!(o instanceof VisitOutcome.Settled settled)) {
            return Optional.empty();
        }
        Optional<ReceiptDocument> paid = settlement(o, clerk);
        if (paid.isEmpty() || !(paid.get() instanceof SaleReceipt s)) {
            return Optional.empty();
        }
        return Optional.of(new RegistrationSlip(s.header(), s.insured(), settled.mdtrtId(), department, doctor.orElse(null), s.split(),
                s.setlId(), s.proof(), s.fundNote()));
    }
}

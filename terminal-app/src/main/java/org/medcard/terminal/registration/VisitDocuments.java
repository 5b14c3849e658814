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

    /** An outpatient settlement's receipt, issued by {@code clerk}. */
    public Optional<ReceiptDocument> settlement(VisitOutcome o, String clerk) {
        if (o.payment() == null) {
            return Optional.empty();
        }
        // A fee or batch paid in cash during a fault (R11 case 2): the cash receipt with its entry number.
        return o.payment() instanceof org.medcard.terminal.sale.SaleOutcome.CashResettle ? sales.of(o.payment(), clerk)
                : sales.visit(o.payment(), clerk);
    }

    /**
     * The registration slip of a visit registered with its fee settled at once.
     *
     * @param department the department's name
     * @param doctor the doctor's name, or {@code null}
     */
    public Optional<ReceiptDocument> registrationSlip(VisitOutcome o, String department, String doctor, String clerk) {
        Optional<ReceiptDocument> paid = settlement(o, clerk);
        if (paid.isEmpty() || !(paid.get() instanceof SaleReceipt s) || o.mdtrtId() == null) {
            return Optional.empty();
        }
        return Optional.of(new RegistrationSlip(s.header(), s.insured(), o.mdtrtId(), department, doctor, s.split(), s.setlId(),
                s.proof()));
    }
}

package org.medcard.terminal.present.counter;

import java.util.Optional;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.sale.PlanConfirmation;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;

/**
 * The counter's port to the sale behind F12: one pharmacy sale to the card in the slot, the outcome in words, and
 * its receipt. The real one is {@code PharmacySale} with {@code SaleTexts} and {@code SaleDocuments}.
 */
public interface Checkout {

    /** Sells (on the worker), asking {@code confirmation} with the split before any debit or cash entry. */
    SaleOutcome sell(SaleRequest request, PlanConfirmation confirmation);

    /** The outcome as the cashier reads it, in the configured language. */
    String line(SaleOutcome outcome);

    /** The outcome's receipt (settled, debited offline, or cash with an entry), issued by {@code cashier}. */
    Optional<ReceiptDocument> receipt(SaleOutcome outcome, String cashier);
}

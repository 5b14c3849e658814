package org.medcard.terminal.receipt;

import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetSource;

/** A document the terminal prints; composed from its own data only, so it can be reprinted identically. */
public sealed interface ReceiptDocument extends SheetSource
        permits SaleReceipt, RegistrationSlip, CashReceipt, ResettlementReceipt, VoidReceipt, DayCloseReport,
        CommissioningReport {

    ReceiptHeader header();

    /** The document laid out as a neutral sheet: numbers masked, amounts formatted. */
    @Override
    Sheet toSheet();
}

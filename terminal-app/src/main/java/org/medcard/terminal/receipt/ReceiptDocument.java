package org.medcard.terminal.receipt;

import org.medcard.terminal.receipt.sheet.Sheet;

/** A document the terminal prints; composed from its own data only, so it can be reprinted identically. */
public sealed interface ReceiptDocument
        permits SaleReceipt, RegistrationSlip, CashReceipt, ResettlementReceipt, VoidReceipt, DayCloseReport,
        CommissioningReport {

    ReceiptHeader header();

    /** The document laid out as a neutral sheet: numbers masked, amounts formatted. */
    Sheet toSheet();
}

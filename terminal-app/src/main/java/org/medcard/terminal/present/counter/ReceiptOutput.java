package org.medcard.terminal.present.counter;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;

/**
 * Where a finished sale's receipt goes: first into the receipt journal (so {@code medcard receipt list} and
 * {@code reprint} find it, whether or not it is ever printed), then, when the cashier asks, to the configured
 * printer or a PDF file. Called on the worker. Failures are {@link RuntimeException}s whose message the cashier
 * reads (e.g. a {@code PrintFault}). {@link DeskReceiptOutput} hands everything to the terminal's one
 * {@link ReceiptDesk}.
 */
public interface ReceiptOutput {

    /** Journals the outcome's document and returns it numbered; called once per outcome, before any copy is made. */
    ReceiptDesk.Issued issue(ReceiptDocument document);

    /** Prints on the configured printer; returns where it went (the printer's name or device). */
    String print(ReceiptDesk.Issued receipt);

    /** Saves it as a PDF on the configured paper; returns the file's path. */
    String savePdf(ReceiptDesk.Issued receipt);
}

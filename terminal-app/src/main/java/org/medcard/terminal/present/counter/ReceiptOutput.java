package org.medcard.terminal.present.counter;

import org.medcard.terminal.receipt.ReceiptDocument;

/**
 * Where a finished sale's receipt goes: the configured printer, or a PDF file. Called on the worker.
 * Failures are {@link RuntimeException}s whose message the cashier reads (e.g. a {@code PrintFault}).
 */
public interface ReceiptOutput {

    /** Prints on the configured printer; returns where it went (the printer's name). */
    String print(ReceiptDocument document);

    /** Saves an 80 mm PDF; returns the file's path. */
    String savePdf(ReceiptDocument document);
}

package org.medcard.terminal.present.counter;

import java.util.ArrayList;
import java.util.List;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;

/**
 * The counter's receipt output in memory, for the counter's tests: every issued document numbered from 1 in
 * {@link #issued}, every saved one in {@link #saved}; prints on a named printer, or fails as a terminal with
 * {@code printer = none} does.
 */
final class RecordingReceiptOutput implements ReceiptOutput {

    final List<ReceiptDocument> issued = new ArrayList<>();
    final List<ReceiptDocument> printed = new ArrayList<>();
    final List<ReceiptDocument> saved = new ArrayList<>();
    private final String printer;
    private final String pdf;

    private RecordingReceiptOutput(String printer, String pdf) {
        this.printer = printer;
        this.pdf = pdf;
    }

    /** A terminal without a printer: printing fails with the desk's words, saving answers {@code pdf}. */
    static RecordingReceiptOutput withoutPrinter(String pdf) {
        return new RecordingReceiptOutput(null, pdf);
    }

    /** Prints on {@code printer} (its name is the answer), saves as {@code pdf}. */
    static RecordingReceiptOutput printingOn(String printer, String pdf) {
        return new RecordingReceiptOutput(printer, pdf);
    }

    @Override
    public ReceiptDesk.Issued issue(ReceiptDocument document) {
        issued.add(document);
        return ReceiptDesk.Issued.original(issued.size(), document);
    }

    @Override
    public String print(ReceiptDesk.Issued receipt) {
        if (printer == null) {
            throw new IllegalStateException("no printer is configured (printer = none): save the receipt as PDF");
        }
        printed.add(receipt.document());
        return printer;
    }

    @Override
    public String savePdf(ReceiptDesk.Issued receipt) {
        saved.add(receipt.document());
        return pdf;
    }
}

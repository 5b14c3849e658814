package org.medcard.terminal.present.counter;

import java.nio.file.Path;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.security.OutputFiles;

/**
 * The counter's receipts through the terminal's one {@link ReceiptDesk} (the same journal, printer setting and
 * paper as the CLI): PDFs go to {@code folder} named by kind and receipt number ({@code sale-receipt-12.pdf}),
 * so a saved file is found again by the number {@code medcard receipt list} shows.
 */
public final class DeskReceiptOutput implements ReceiptOutput {

    private final ReceiptDesk desk;
    private final Path folder;

    /** @param folder where saved PDFs go: {@code <data dir>/receipts} */
    public DeskReceiptOutput(ReceiptDesk desk, Path folder) {
        this.desk = desk;
        this.folder = folder;
    }

    @Override
    public ReceiptDesk.Issued issue(ReceiptDocument document) {
        return desk.issue(document);
    }

    @Override
    public String print(ReceiptDesk.Issued receipt) {
        desk.print(receipt);
        return desk.printer().target();
    }

    @Override
    public String savePdf(ReceiptDesk.Issued receipt) {
        // F8 twice on one receipt keeps both files (-2, -3 …): a saved receipt is never overwritten (issue 18, case 2).
        return OutputFiles.writeUnique(folder.resolve(receipt.jobName() + ".pdf"), desk.pdf(receipt)).toString();
    }

    /** Renders a small receipt so the first patient does not wait for font parsing (at start, off the UI thread). */
    public void warmUp() {
        desk.warmUp();
    }
}

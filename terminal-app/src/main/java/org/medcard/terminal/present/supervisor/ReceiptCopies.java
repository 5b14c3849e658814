package org.medcard.terminal.present.supervisor;

import java.nio.file.Path;

import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.pdf.PaperFormat;
import org.medcard.terminal.security.OutputFiles;

/**
 * Copies of journalled receipts through the terminal's one {@link ReceiptDesk} (the printer and fonts the CLI
 * uses): printed on the configured printer, or saved owner-only as {@code <kind>-<number>[-reprintN].pdf} in the
 * data folder's {@code receipts} folder, never over an earlier file. Called on the worker.
 */
public final class ReceiptCopies {

    private final ReceiptDesk desk;
    private final Path folder;

    /** @param folder where saved PDFs go: {@code <data dir>/receipts}, as the counter's */
    public ReceiptCopies(ReceiptDesk desk, Path folder) {
        this.desk = desk;
        this.folder = folder;
    }

    public ReceiptDesk desk() {
        return desk;
    }

    /** Prints; returns where it went. A {@code PrintFault} says what to fix. */
    public String print(ReceiptDesk.Issued receipt) {
        desk.print(receipt);
        return desk.printer().target();
    }

    /** Saves on the configured paper; returns the file. */
    public Path save(ReceiptDesk.Issued receipt) {
        return save(receipt, desk.paper());
    }

    /** Saves on {@code paper} (the day-close report is A4, as {@code medcard day-close --pdf} makes it); returns the file. */
    public Path save(ReceiptDesk.Issued receipt, PaperFormat paper) {
        return OutputFiles.writeUnique(folder.resolve(receipt.jobName() + ".pdf"), desk.pdf(receipt, paper));
    }
}

package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.receipt.PrintFault;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import picocli.CommandLine.Option;

/**
 * {@code --receipt FILE.pdf} and {@code --print}, for every command whose outcome leaves paper. The outcome's
 * document is journalled whether or not either is given (so it can be reprinted later); these only say where
 * this copy goes. A print failure does not undo the outcome: the patient was served, the cashier fixes the
 * printer and runs {@code medcard receipt reprint N}.
 */
final class ReceiptOptions {

    @Option(names = "--receipt", paramLabel = "FILE.pdf", description = "save the receipt as a PDF (on the configured paper)")
    Path file;

    @Option(names = "--print", description = "print the receipt on the configured printer (printer=…)")
    boolean print;

    @Option(names = "--replace", description = "replace an existing output file (atomically); without it an existing file is refused")
    boolean replace;

    /** The receipt file asked for (checked before the command does anything), or null. */
    TerminalCommands.Output output() {
        return file == null ? null : new TerminalCommands.Output(file, replace);
    }

    /**
     * Journals {@code document} (when there is one) and delivers it; the receipt number goes to {@code out} in
     * text mode, to {@code err} with {@code --json} (standard output then holds only the JSON).
     *
     * @return false when the receipt was asked for but could not be saved or printed
     */
    boolean deliver(Terminal t, Optional<ReceiptDocument> document, boolean json, PrintWriter out, PrintWriter err) {
        if (document.isEmpty()) {
            if (file != null || print) {
                err.println("no receipt for this outcome");
            }
            return true;
        }
        ReceiptDesk desk = t.receipts();
        ReceiptDesk.Issued issued = desk.issue(document.get());
        return deliver(desk, issued, json, out, err);
    }

    /** Saves and prints an issued (or reprinted) receipt as asked. */
    boolean deliver(ReceiptDesk desk, ReceiptDesk.Issued issued, boolean json, PrintWriter out, PrintWriter err) {
        PrintWriter info = json ? err : out;
        info.println("receipt:      No. " + issued.id() + (issued.reprint() > 0 ? " (REPRINT " + issued.reprint() + ")" : ""));
        boolean ok = true;
        if (file != null) {
            try {
                desk.save(issued, file, replace);
                info.println("receipt file: " + file);
            } catch (RuntimeException e) {
                err.println("receipt not saved: " + e.getMessage());
                ok = false;
            }
        }
        if (print) {
            try {
                desk.print(issued);
                info.println("printed:      " + issued.jobName());
            } catch (PrintFault e) {
                err.println("receipt not printed: " + e.getMessage() + " — fix the printer, then: medcard receipt reprint " + issued.id());
                ok = false;
            }
        }
        return ok;
    }
}

package org.medcard.terminal.cli;

import java.time.Clock;

import org.medcard.terminal.ReceiptWiring;
import org.medcard.terminal.config.ReceiptSettings;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.medcard.terminal.receipt.desk.ReceiptPrinter;
import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;
import org.medcard.terminal.receipt.print.OsPrinter;
import org.medcard.terminal.store.TerminalDb;

/**
 * A fixture for {@code FrontEndsRuleTest}, never run: a CLI class that wires its own receipt desk (what
 * {@code ReceiptCommand} did before issue 13's receipt step), beside the allowed way, the root's {@link ReceiptWiring}.
 */
final class WiresItsOwnReceiptDesk {
    private WiresItsOwnReceiptDesk() {
    }

    /** Breaks the house rule: journal, renderer, printer and desk built by a front end. */
    static ReceiptDesk ownDesk(TerminalDb db, FontCache fonts, ReceiptSettings settings, Clock clock) {
        return new ReceiptDesk(new ReceiptJournal(db), new PdfReceiptRenderer(fonts), settings,
                new ReceiptPrinter(settings.printer(), new OsPrinter()), clock);
    }

    /** Keeps it: the desk comes from the root's one wiring. */
    static ReceiptWiring fromTheRoot(TerminalConfig config, Clock clock) {
        return new ReceiptWiring(config, clock);
    }
}

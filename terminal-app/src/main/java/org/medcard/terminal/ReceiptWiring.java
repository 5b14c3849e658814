package org.medcard.terminal;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.medcard.terminal.config.ReceiptSettings;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.medcard.terminal.receipt.desk.ReceiptPrinter;
import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;
import org.medcard.terminal.receipt.print.OsPrinter;
import org.medcard.terminal.store.TerminalDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the receipt desk is wired (issue 13: one receipt desk for the CLI, the desktop and commissioning): the
 * journal in {@code terminal.db}, the PDF renderer on the fonts parsed once, the configured printer on the OS spooler.
 * The root builds its desk with it ({@link Terminal#receipts()}, which the desktop and commissioning use), and so does
 * {@code medcard receipt list|reprint}, which must work without starting the terminal — no reader, no PSAM, no center:
 * a reprint is most wanted when something else is broken. Closing it closes the fonts, and {@code terminal.db} when it
 * opened the file itself.
 */
public final class ReceiptWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptWiring.class);

    private final Optional<TerminalDb> ownDb;
    private final FontCache fonts;
    private final ReceiptDesk desk;

    /** The receipt desk alone, on the installation's {@code terminal.db} (opened here, closed with this). */
    public ReceiptWiring(TerminalConfig config, Clock clock) {
        this(TerminalDb.open(config.dataDir().resolve("terminal.db")), true, config.receipt(), clock);
    }

    /** The terminal's receipt desk, on the terminal's own {@code terminal.db} (which the terminal closes). */
    ReceiptWiring(TerminalDb db, ReceiptSettings settings, Clock clock) {
        this(db, false, settings, clock);
    }

    private ReceiptWiring(TerminalDb db, boolean owned, ReceiptSettings settings, Clock clock) {
        this.ownDb = owned ? Optional.of(db) : Optional.empty();
        this.fonts = FontCache.system(settings.font());
        this.desk = new ReceiptDesk(new ReceiptJournal(db), new PdfReceiptRenderer(fonts), settings,
                new ReceiptPrinter(settings.printer(), new OsPrinter()), clock);
    }

    /** Journals, prints, saves and reprints every outcome's document. */
    public ReceiptDesk desk() {
        return desk;
    }

    /** The fonts receipts are printed with: whether Chinese prints, and which font. */
    public FontCache fonts() {
        return fonts;
    }

    @Override
    public void close() {
        try {
            fonts.close();
        } catch (IOException e) {
            LOG.debug("closing the receipt fonts: {}", e.toString()); // they were only read
        }
        ownDb.ifPresent(TerminalDb::close);
    }
}

package org.medcard.terminal.receipt.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medcard.terminal.config.PrinterChoice;
import org.medcard.terminal.config.ReceiptSettings;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.ResettlementReceipt;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.VoidReceipt;
import org.medcard.terminal.receipt.pdf.PaperFormat;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the CLI and the desktop app hand receipts to: {@link #issue} journals an outcome's document
 * (before anything is printed, see {@link ReceiptJournal}) and returns it numbered; {@link #pdf}, {@link #save}
 * and {@link #print} put it on paper; {@link #reprint} brings back any journalled receipt marked
 * "重印 REPRINT". Get it from {@code Terminal.receipts()} (one per terminal: the fonts are parsed once).
 *
 * <p>Threads: rendering is serialised on the font cache and printing on the printer, so any worker thread may
 * call; the UI thread should not (rendering takes milliseconds, printing seconds).
 */
public final class ReceiptDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptDesk.class);
    /** The words a reprinted copy carries under its title and at its end. */
    static final String REPRINT = "重印 REPRINT";

    /**
     * A receipt as issued or reprinted.
     *
     * @param id the receipt number in the journal
     * @param reprint which reprint this is (1, 2, …), or 0 for the original
     * @param reprintedAt when this copy was reprinted, empty for the original
     */
    public record Issued(long id, ReceiptDocument document, int reprint, Optional<LocalDateTime> reprintedAt) {
        public Issued {
            if ((reprint == 0) != reprintedAt.isEmpty()) {
                throw new IllegalArgumentException("a reprint has its time, the original none: reprint " + reprint + ", " + reprintedAt);
            }
        }

        /** The original of journal receipt {@code id}. */
        public static Issued original(long id, ReceiptDocument document) {
            return new Issued(id, document, 0, Optional.empty());
        }

        /** The sheet to render: the document's own, with the REPRINT marks on a reprint. */
        public Sheet sheet() {
            Sheet sheet = document.toSheet();
            if (reprint == 0) {
                return sheet;
            }
            String when = reprintedAt.orElseThrow()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT));
            List<SheetElement> elements = new ArrayList<>(sheet.elements());
            // Under the institution's name and the title, where the patient and an auditor look first.
            int at = Math.min(2, elements.size());
            elements.add(at, new SheetElement.Banner(REPRINT));
            elements.add(at + 1, new SheetElement.Field("原单号 Receipt No.", Long.toString(id), true));
            elements.add(at + 2, new SheetElement.Field("重印 Reprint", "第" + reprint + "次 copy " + reprint + ", " + when, false));
            elements.add(new SheetElement.Banner(REPRINT));
            return new Sheet(sheet.kind(), sheet.title() + " (" + REPRINT + ")", elements);
        }

        /** Cash changed hands with this outcome: the drawer opens when it is first printed, never on a reprint. */
        public boolean cashChangesHands() {
            if (reprint > 0) {
                return false;
            }
            if (document instanceof CashReceipt) {
                return true;
            } else if (document instanceof ResettlementReceipt r) {
                return r.refundToPatient() > 0;
            } else if (document instanceof VoidReceipt v) {
                return v.cashRefund() > 0;
            } else if (document instanceof SaleReceipt s) {
                return s.split().cashPay() > 0;
            } else if (document instanceof RegistrationSlip s) {
                return s.split().cashPay() > 0;
            }
            return false;
        }

        /** A job or file name: the document kind and number, never a patient. */
        public String jobName() {
            return document.toSheet().kind() + "-" + id + (reprint > 0 ? "-reprint" + reprint : "");
        }
    }

    private final ReceiptJournal journal;
    private final PdfReceiptRenderer renderer;
    private final ReceiptSettings settings;
    private final ReceiptPrinter printer;
    private final Clock clock;

    public ReceiptDesk(ReceiptJournal journal, PdfReceiptRenderer renderer, ReceiptSettings settings, ReceiptPrinter printer,
                       Clock clock) {
        this.journal = journal;
        this.renderer = renderer;
        this.settings = settings;
        this.printer = printer;
        this.clock = clock;
    }

    /** Journals the outcome's document and returns it numbered; call it for every outcome that has one. */
    public Issued issue(ReceiptDocument document) {
        long id = journal.record(document);
        LOG.info("Receipt {} issued: {}", id, DocumentCodec.kind(document));
        return Issued.original(id, document);
    }

    /** Receipt {@code id} again, marked REPRINT and counted; empty when there is no such receipt. */
    public Optional<Issued> reprint(long id) {
        Optional<ReceiptDocument> document = journal.document(id);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        int copy = journal.countReprint(id);
        LOG.info("Receipt {} reprinted (copy {})", id, copy);
        return Optional.of(new Issued(id, document.get(), copy, Optional.of(LocalDateTime.now(clock))));
    }

    /** The journal's receipts of one day, oldest first. */
    public List<ReceiptJournal.Entry> list(LocalDate day) {
        return journal.list(day);
    }

    /** The journal's receipts of every day, oldest first. */
    public List<ReceiptJournal.Entry> listAll() {
        return journal.listAll();
    }

    public ReceiptJournal journal() {
        return journal;
    }

    /** Where {@link #print} sends receipts, as the {@code printer} setting says. */
    public PrinterChoice printer() {
        return printer.choice();
    }

    /** The configured paper. */
    public PaperFormat paper() {
        return settings.paper() == ReceiptSettings.Paper.A4 ? PaperFormat.A4 : PaperFormat.ROLL_80MM;
    }

    /** The receipt as saved PDF bytes on the configured paper. */
    public byte[] pdf(Issued receipt) {
        return pdf(receipt, paper());
    }

    public byte[] pdf(Issued receipt, PaperFormat paper) {
        return renderer.render(receipt.sheet(), paper);
    }

    /** Writes the PDF to a new owner-only {@code file} (an existing file is not replaced). */
    public void save(Issued receipt, Path file) {
        save(receipt, file, false);
    }

    /** Writes the PDF owner-only to {@code file}: a new file, or with {@code replace} one moved over it atomically. */
    public void save(Issued receipt, Path file, boolean replace) {
        org.medcard.terminal.security.OutputFiles.write(file, pdf(receipt), replace);
    }

    /**
     * Prints on the configured printer; the cash drawer opens when cash changes hands (not on reprints).
     *
     * @throws org.medcard.terminal.receipt.PrintFault when there is no printer or it fails: fix it and reprint
     */
    public void print(Issued receipt) {
        printer.print(receipt.sheet(), () -> pdf(receipt), receipt.jobName(), receipt.cashChangesHands());
    }

    /** Renders a small receipt so the first patient does not wait for font parsing (call at start, off the UI thread). */
    public void warmUp() {
        renderer.warmUp();
    }
}

package org.medcard.terminal.present.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.desk.ReceiptJournal;
import org.medcard.terminal.receipt.pdf.PaperFormat;

/**
 * The day-close report on screen, printed and saved as a PDF (issue 15). The report is the one the day close
 * journalled ({@link DayCloseModel} issues it to the receipt desk, as {@code medcard day-close} does): the latest
 * {@code day-close-report} of today in the journal, shown line by line as the paper has it, printed on the
 * configured printer and saved A4 (as {@code medcard day-close --pdf}) through the same {@link ReceiptDesk}.
 *
 * <p>Threads: public methods on the UI thread; the journal, rendering and printing run on {@code worker}.
 */
public final class DayCloseReportModel {
    private final ReceiptCopies copies;
    private final Clock clock;
    private final DayCloseReportView view;
    private final Texts texts;
    private final Work work;
    private volatile ReceiptDesk.Issued shown;

    public DayCloseReportModel(ReceiptCopies copies, Clock clock, Locale language, DayCloseReportView view, Executor worker, Executor ui) {
        this.copies = copies;
        this.clock = clock;
        this.view = view;
        this.texts = Texts.of(Work.BUNDLE, language);
        this.work = new Work(view, worker, ui, texts);
    }

    /** Shows today's latest day-close report (call after the day close). */
    public void showLatest() {
        work.run(texts.text("busy.report"), () -> {
            shown = latest().orElse(null);
            return shown == null ? List.<String>of() : SheetLines.of(shown.sheet());
        }, lines -> {
            if (lines.isEmpty()) {
                view.showMessage(texts.text("report.none"));
            } else {
                view.showReport(lines);
            }
        });
    }

    public void print() {
        ReceiptDesk.Issued r = shown;
        if (r == null) {
            view.showMessage(texts.text("report.none"));
            return;
        }
        work.run(texts.text("busy.report"), () -> texts.text("report.printed", String.valueOf(r.id()), copies.print(r)), view::showReportDone);
    }

    /** Saves the report as an A4 PDF in the receipts folder (never over an earlier file). */
    public void savePdf() {
        ReceiptDesk.Issued r = shown;
        if (r == null) {
            view.showMessage(texts.text("report.none"));
            return;
        }
        work.run(texts.text("busy.report"), () -> texts.text("report.saved", String.valueOf(r.id()), copies.save(r, PaperFormat.A4).toString()),
                view::showReportDone);
    }

    private Optional<ReceiptDesk.Issued> latest() {
        List<ReceiptJournal.Entry> today = copies.desk().list(LocalDate.now(clock));
        for (int i = today.size() - 1; i >= 0; i--) {
            ReceiptJournal.Entry e = today.get(i);
            if (e.kind().equals("day-close-report")) {
                return copies.desk().journal().document(e.id()).map(d -> ReceiptDesk.Issued.original(e.id(), d));
            }
        }
        return Optional.empty();
    }
}

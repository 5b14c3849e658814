package org.medcard.terminal.present.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleRequest;

/**
 * Issue 15: after the day close the report is on screen as printed (totals per source with fund, account and cash,
 * the net total, the cash the drawer should hold, MATCH), printed on the configured printer (an ESC/POS device that
 * is a real file here) and saved as an A4 PDF through the terminal's one receipt desk. Training terminal, inline
 * executors.
 */
class DayCloseReportModelTest {

    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;
    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    static final class RecordingReportView implements DayCloseReportView {
        final List<List<String>> reports = new ArrayList<>();
        final List<String> done = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override
        public void showReport(List<String> lines) {
            reports.add(lines);
        }

        @Override
        public void showReportDone(String message) {
            done.add(message);
        }

        @Override
        public void showBusy(boolean busy, String what) {
        }

        @Override
        public void showMessage(String message) {
            messages.add(message);
        }
    }

    @Test
    void theDayCloseReportIsShownPrintedAndSavedA4_throughTheOneReceiptDesk() throws Exception {
        Path printer = Files.createFile(dir.resolve("printer.bin"));
        terminal = TrainingTerminals.open(dir, Map.of("language", "en", "printer", "escpos:" + printer));
        RecordingReportView view = new RecordingReportView();
        DayCloseReportModel report = new DayCloseReportModel(new ReceiptCopies(terminal.receipts(), dir.resolve("receipts")), terminal.clock(),
                Locale.ENGLISH, view, INLINE, INLINE);
        report.showLatest();
        assertEquals(List.of("No day-close report today yet: close the day first (F5)."), view.messages);

        terminal.devices().training().orElseThrow().present("normal-3des");
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:3")),
                () -> "123456".toCharArray(), "cash01").withRequestedAccount(1_001)));
        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        new DayCloseModel(terminal::dayClose, terminal.audit(), terminal.receipts(), terminal.letterhead(), terminal.clock(), terminal.language(), () -> "sup01", new SupervisorScreensTest.RecordingDayCloseView(), INLINE, INLINE).closeToday();
        report.showLatest();

        String screen = String.join("\n", view.reports.get(0));
        assertTrue(screen.contains("日结报表 Day-close report"), screen);
        assertTrue(screen.contains("营业日 Business date: 2026-11-23"), screen);
        assertTrue(screen.lines().anyMatch(l -> l.startsWith("合计 Total") && l.contains("34.02") && l.contains("10.01")
                && l.endsWith("4.57")), screen);
        assertTrue(screen.contains("钱箱应有现金 Cash in the drawer should be: "), screen);
        assertTrue(screen.contains("对账结果 Reconciliation: MATCH"), screen);

        report.print();
        report.savePdf();

        long id = terminal.receipts().listAll().stream().filter(e -> e.kind().equals("day-close-report")).findFirst().orElseThrow().id();
        assertEquals("Day-close report (receipt " + id + ") printed on " + printer + ".", view.done.get(0));
        assertTrue(new String(Files.readAllBytes(printer), Charset.forName("GB18030")).contains("钱箱应有现金"));
        Path pdf = dir.resolve("receipts").resolve("day-close-report-" + id + ".pdf");
        assertEquals("Day-close report (receipt " + id + ") saved as " + pdf + ".", view.done.get(1));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(595, Math.round(d.getPage(0).getMediaBox().getWidth()), "A4, as medcard day-close --pdf");
            assertTrue(new PDFTextStripper().getText(d).contains("MATCH"));
        }
        assertEquals(0, terminal.receipts().listAll().stream().mapToInt(e -> e.reprints()).sum(), "the first copies are not reprints");
    }
}

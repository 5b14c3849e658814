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
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleRequest;

/**
 * Issue 15, reprint screen: today's receipts from the one journal, a search by settlement or entry number over
 * every day, a reprint marked REPRINT on an ESC/POS printer (a real file as the device) and as a PDF, counted as
 * {@code medcard receipt reprint} counts it. A training terminal in a temp folder; inline executors.
 */
class ReprintModelTest {

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

    static final class RecordingView implements ReprintView {
        List<ReceiptRow> rows = List.of();
        String headline;
        final List<String> done = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override
        public void showReceipts(List<ReceiptRow> r, String h) {
            rows = r;
            headline = h;
        }

        @Override
        public void showDone(String m) {
            done.add(m);
        }

        @Override
        public void showMessage(String m) {
            messages.add(m);
        }

        @Override
        public void showBusy(boolean b, String what) {
        }
    }

    @Test
    void todaysReceipts_searchByEntryOrSettlement_reprintMarkedAndCounted() throws Exception {
        Path printer = Files.createFile(dir.resolve("printer.bin"));
        terminal = TrainingTerminals.open(dir, Map.of("language", "en", "printer", "escpos:" + printer));
        // Yesterday's cash receipt (entry T01-000017) and today's sale.
        long yesterday = terminal.receipts().issue(SampleDocuments.cash(true)).id();
        terminal.devices().training().orElseThrow().present("normal-3des");
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:3")),
                () -> "123456".toCharArray(), "cash01")));
        SaleReceipt sale = (SaleReceipt) o.receiptDocument().orElseThrow();
        long today = terminal.receipts().issue(sale).id();

        RecordingView view = new RecordingView();
        ReprintModel model = new ReprintModel(new ReceiptCopies(terminal.receipts(), dir.resolve("receipts")), terminal.clock(), Locale.ENGLISH,
                view, INLINE, INLINE);
        model.today();
        assertEquals("Today's receipts: 1", view.headline);
        ReceiptRow row = view.rows.get(0);
        assertEquals(today, row.id());
        assertEquals("Sale receipt", row.kind());
        assertEquals(sale.setlId(), row.number());
        assertEquals(sale.insured().maskedCardNo(), row.card());

        model.search("t01-000017");
        assertEquals("1 receipt(s) with t01-000017", view.headline);
        assertEquals(List.of(yesterday), view.rows.stream().map(ReceiptRow::id).toList(), "an entry number of another day is found");
        model.search(sale.setlId().substring(4, 14));
        assertEquals(List.of(today), view.rows.stream().map(ReceiptRow::id).toList(), "part of a settlement number is enough");
        model.search("NOPE");
        assertEquals("No receipt with the number NOPE. Check the settlement or entry number on the patient's paper.",
                view.messages.get(0));

        model.reprint(yesterday, true, true);

        String done = view.done.get(0);
        assertTrue(done.startsWith("Receipt " + yesterday + " reprinted (copy 1, marked REPRINT). Saved as "), done);
        assertTrue(done.endsWith("Printed on " + printer + "."), done);
        byte[] paper = Files.readAllBytes(printer);
        assertTrue(new String(paper, Charset.forName("GB18030")).contains("重印 REPRINT"), "the paper says it is a reprint");
        Path pdf = dir.resolve("receipts").resolve("cash-receipt-" + yesterday + "-reprint1.pdf");
        assertTrue(Files.exists(pdf), done);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new PDFTextStripper().getText(d).contains("REPRINT"));
        }
        assertEquals(1, terminal.receipts().listAll().get(0).reprints(), "counted once for both copies, as the CLI counts");
        assertEquals("Today's receipts: 1", view.headline, "back to today's list");

        model.reprint(9_999, false, true);
        assertEquals("There is no receipt 9999 in this terminal's journal.", view.messages.get(1));
    }

    @Test
    void noPrinter_saysWhatToSet_inTheUisLanguageFrame() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of("language", "zh_CN"));
        long id = terminal.receipts().issue(SampleDocuments.sale(true)).id();
        RecordingView view = new RecordingView();
        ReprintModel model = new ReprintModel(new ReceiptCopies(terminal.receipts(), dir.resolve("receipts")), terminal.clock(),
                Locale.SIMPLIFIED_CHINESE, view, INLINE, INLINE);
        model.reprint(id, true, false);
        assertTrue(view.messages.get(0).startsWith("未完成："), view.messages.toString());
        assertTrue(view.messages.get(0).contains("printer="), view.messages.toString());
    }

    @Test
    void aSheetBecomesAlignedLines_chineseCountsTwoColumns() {
        List<String> lines = SheetLines.of(SampleDocuments.sale(true).toSheet());
        assertTrue(lines.stream().anyMatch(l -> l.contains(SampleDocuments.INSTITUTION)), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(SampleDocuments.CARD_NUMBER)), "masked as on paper");
        assertEquals(4, SheetLines.columns("重印"));
        assertEquals(6, SheetLines.columns("REPRIN"));
    }
}

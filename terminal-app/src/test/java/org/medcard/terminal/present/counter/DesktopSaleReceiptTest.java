package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * One receipt desk for both front ends: a sale made at the desktop counter (the presentation model with the
 * receipt output the desktop wires, on a real training terminal) is journalled when it ends, so
 * {@code medcard receipt list} shows it and {@code medcard receipt reprint N} brings it back; F8 saves the same
 * numbered receipt.
 */
class DesktopSaleReceiptTest {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, A

    @TempDir
    Path dir;

    /** Where the CLI may write: never inside the data folder (issue 18, case 2). */
    @TempDir
    Path outside;

    private Terminal terminal;
    private final RecordingCounterView view = new RecordingCounterView();
    private CounterModel model;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void open() {
        terminal = TrainingTerminals.open(dir, Map.of("language", "en"));
        model = new CounterModel(org.medcard.terminal.ui.counter.TerminalCounterPorts.of(terminal,
                new DeskReceiptOutput(terminal.receipts(), dir.resolve("receipts"))),
                Runnable::run, Runnable::run, view, Texts.of(CounterModel.BUNDLE, Locale.ENGLISH), () -> "cashier");
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private int cli(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK, java.io.InputStream.nullInputStream());
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aDesktopSale_isJournalledWhenItEnds_listedByTheCli_andReprintedByTheCli() throws Exception {
        model.presentTrainingCard("normal-3des");
        model.scan(AMOXICILLIN);
        view.pins.add("123456");

        model.pay();

        SaleDone done = view.done.get(0);
        assertEquals(SaleOutcome.Kind.SETTLED, done.kind(), done.message());
        assertEquals(Optional.of(1L), model.receiptNumber(), "journalled before F7/F8 is pressed");

        assertEquals(0, cli("receipt", "list"), err.toString());
        assertTrue(out.toString().contains("1 receipt(s)"), out.toString());
        assertEquals(0, cli("receipt", "list", "--json"), err.toString());
        JsonNode listed = new ObjectMapper().readTree(out.toString()).get("receipts");
        assertEquals(1, listed.size(), out.toString());
        assertEquals(1, listed.get(0).get("id").asLong());
        assertEquals("sale-receipt", listed.get(0).get("kind").asText());
        assertEquals(1_250, listed.get(0).get("total_fen").asLong());
        assertEquals("cashier", listed.get(0).get("operator").asText());

        model.saveReceipt();
        Path saved = dir.resolve("receipts").resolve("sale-receipt-1.pdf");
        assertEquals("Receipt No. 1 saved: " + saved, view.messages.get(view.messages.size() - 1));
        assertEquals("%PDF", new String(Files.readAllBytes(saved), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(0, cli("receipt", "list", "--json"), err.toString());
        assertEquals(1, new ObjectMapper().readTree(out.toString()).get("receipts").size(), "F8 saves the journalled receipt, no second one");

        Path copy = outside.resolve("copy.pdf");
        assertEquals(0, cli("receipt", "reprint", "1", "--receipt", copy.toString()), err.toString());
        String reprinted = text(copy);
        assertTrue(reprinted.contains("REPRINT"), reprinted);
        assertTrue(reprinted.contains("12.50"), reprinted);
        assertEquals(0, cli("receipt", "list", "--json"), err.toString());
        assertEquals(1, new ObjectMapper().readTree(out.toString()).get("receipts").get(0).get("reprints").asInt());
    }

    @Test
    void printingWithNoPrinterConfigured_saysSo_andTheReceiptStaysJournalled() {
        model.presentTrainingCard("normal-3des");
        model.scan(AMOXICILLIN);
        view.pins.add("123456");
        model.pay();

        model.printReceipt();

        String said = view.messages.get(view.messages.size() - 1);
        assertTrue(said.startsWith("The receipt could not be printed or saved (no printer is configured"), said);
        assertEquals(1, terminal.receipts().listAll().size());
    }
}

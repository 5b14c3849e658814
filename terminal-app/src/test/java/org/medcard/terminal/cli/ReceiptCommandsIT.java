package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.CjkFonts;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.store.TerminalDb;

/**
 * Receipts wired into the CLI's outcomes: {@code --receipt FILE.pdf} on sale, cash sale, re-settlement, void,
 * day close, registration and outpatient settlement; {@code medcard receipt list|reprint}. Each PDF is read back
 * with PDFTextStripper and its fields checked. Training reader and cards, embedded center, real SQLite files.
 */
class ReceiptCommandsIT {

    private static final String ZHANG_WEI_ID = "110101197805211235"; // normal-3des
    private static final String ID_MASKED = "110***********1235";
    /** Chinese on the PDF is checked when receipts can print it (always under medcard.requireSystemParts). */
    private static final boolean CJK_FONT = CjkFonts.assertChineseOnReceipts();

    @TempDir
    Path dir;
    /** Where output files go: never the data folder (issue 18: only the stores write there). */
    @TempDir
    Path outside;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private final ObjectMapper json = new ObjectMapper();

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private JsonNode jsonOut() throws Exception {
        return json.readTree(out.toString());
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The header every document carries, in training mode. */
    private static void assertHeader(String text, String operator) {
        assertTrue(text.contains("Training pharmacy") || text.contains("Training"), text);
        assertTrue(text.contains("P11010100001"), "institution code: " + text);
        assertTrue(text.contains("T01"), "terminal id: " + text);
        assertTrue(text.contains(operator), "operator: " + text);
        assertTrue(text.contains("2026-11-23 10:15:00"), "time from the injected clock: " + text);
        assertTrue(text.contains("TRAINING MODE"), text);
        assertFalse(text.contains(ZHANG_WEI_ID), "the full ID number never reaches paper");
    }

    @Test
    void sale_receiptPdfHasEveryField_listedAndReprintedMarkedReprint() throws Exception {
        Path pdf = outside.resolve("sale.pdf");
        assertEquals(0, run("123456\n", "sale", "--json", "--pin-stdin", "--items", "XA10BAD003:3", "--account", "1001",
                "--receipt", pdf.toString()), out + " " + err);
        JsonNode sale = jsonOut();
        assertTrue(err.toString().contains("receipt:      No. 1"), "with --json the receipt number goes to stderr: " + err);

        String text = text(pdf);
        assertHeader(text, "cashier");
        assertTrue(text.contains(ID_MASKED), text);
        assertTrue(text.contains(sale.get("card_no").asText()), "masked card number " + sale.get("card_no") + ": " + text);
        assertTrue(text.contains(sale.get("setl_id").asText()), "setl_id: " + text);
        assertTrue(text.contains(sale.get("tac").asText()), "TAC: " + text);
        assertTrue(text.contains(Yuan.format(sale.get("total_fen").asLong())), "total: " + text);
        assertTrue(text.contains(Yuan.format(sale.get("fund_pay_fen").asLong())), "fund_pay: " + text);
        assertTrue(text.contains(Yuan.format(sale.get("acct_pay_fen").asLong())), "acct_pay: " + text);
        assertTrue(text.contains(Yuan.format(sale.get("cash_pay_fen").asLong())), "cash_pay: " + text);
        assertTrue(text.contains(Yuan.format(sale.get("balance_after_fen").asLong())), "balance after: " + text);
        assertFalse(text.contains("REPRINT"), "the original is no reprint");

        assertEquals(0, run("", "receipt", "list", "--json", "--date", "2026-11-23"), err.toString());
        JsonNode listed = jsonOut().get("receipts");
        assertEquals(1, listed.size(), out.toString());
        assertEquals("sale-receipt", listed.get(0).get("kind").asText());
        assertEquals(sale.get("setl_id").asText(), listed.get(0).get("setl_id").asText());
        assertEquals(sale.get("total_fen").asLong(), listed.get(0).get("total_fen").asLong());
        assertEquals(sale.get("card_no").asText(), listed.get(0).get("card_no").asText());
        assertEquals(0, listed.get(0).get("reprints").asInt());
        assertEquals(0, run("", "receipt", "list", "--json", "--date", "2026-11-22"));
        assertEquals(0, jsonOut().get("receipts").size(), "another day has none");

        Path copy = outside.resolve("copy.pdf");
        assertEquals(0, run("", "receipt", "reprint", "1", "--receipt", copy.toString()), err.toString());
        String reprinted = text(copy);
        assertTrue(reprinted.contains("REPRINT"), reprinted);
        if (CJK_FONT) {
            assertTrue(reprinted.contains("重印"), reprinted);
        }
        assertTrue(reprinted.contains("copy 1"), reprinted);
        assertTrue(reprinted.contains(sale.get("setl_id").asText()) && reprinted.contains(sale.get("tac").asText()),
                "the same figures as the original: " + reprinted);
        assertTrue(reprinted.contains("2026-11-23 10:15:00"), "the original's time stays");

        assertEquals(0, run("", "receipt", "list"), err.toString());
        assertTrue(out.toString().contains("(reprinted 1×)"), out.toString());
        assertEquals(1, run("", "receipt", "reprint", "99", "--receipt", outside.resolve("copy99.pdf").toString()), "no such receipt");
        assertTrue(err.toString().contains("no receipt No. 99"), err.toString());
        assertEquals(2, run("", "receipt", "reprint", "1"), "a reprint must go somewhere");
    }

    @Test
    void print_withNoPrinterConfigured_saysHowToFixAndTheSaleStands() throws Exception {
        assertEquals(0, run("123456\n", "sale", "--pin-stdin", "--items", "XA10BAD003:1", "--print"), out + " " + err);
        assertTrue(out.toString().contains("outcome:      SETTLED"), out.toString());
        assertTrue(err.toString().contains("no printer is configured"), err.toString());
        assertTrue(err.toString().contains("medcard receipt reprint 1"), err.toString());
    }

    @Test
    void cashSaleAndReSettlement_receiptsCarryTheEntryTheR11SentenceAndTheRefund() throws Exception {
        Files.writeString(dir.resolve("medcard.properties"), "offline.mode=CASH_RESETTLE\n");
        assertEquals(0, run("", "card", "info"), "online once: the catalog is downloaded; " + err);
        Path cash = outside.resolve("cash.pdf");
        assertEquals(0, run("", "sale", "--offline", "--json", "--items", "XA10BAD003:3", "--id-number", ZHANG_WEI_ID,
                "--receipt", cash.toString()), out + " " + err);
        String entryNo = jsonOut().get("entry_no").asText();
        String cashText = text(cash);
        assertHeader(cashText, "cashier");
        assertTrue(cashText.contains(entryNo), cashText);
        assertTrue(cashText.contains("re-settled at this institution"), cashText);
        assertTrue(cashText.contains(ID_MASKED), cashText);

        Path resettled = outside.resolve("resettle.pdf");
        // The returning patient's account pays its share too (R11), so the card's PIN is asked.
        assertEquals(0, run("123456\n", "resettle", "settle", entryNo, "--json", "--pin-stdin", "--sim-card", "normal-3des",
                "--receipt", resettled.toString()),
                out + " " + err);
        JsonNode r = jsonOut();
        String text = text(resettled);
        assertHeader(text, "cashier");
        assertTrue(text.contains("re-settlement of entry " + entryNo), text);
        assertTrue(text.contains(r.get("setl_id").asText()), text);
        assertTrue(text.contains(Yuan.format(r.get("refund_fen").asLong())), "refund: " + text);
        assertTrue(text.contains(Yuan.format(r.get("fund_pay_fen").asLong())), "fund now: " + text);
        assertTrue(r.get("acct_pay_fen").asLong() > 0, "the account share is paid now: " + r);
        assertTrue(text.contains(Yuan.format(r.get("acct_pay_fen").asLong())), "account now: " + text);
        assertTrue(text.contains(ID_MASKED), text);
        if (CJK_FONT) {
            assertTrue(text.contains("张"), "the name comes from the cash receipt in the journal: " + text);
        }
    }

    @Test
    void void_receiptNamesTheCancelledSettlementAndTheRefunds_dayCloseReportToo() throws Exception {
        assertEquals(0, run("", "card", "info"), err.toString());
        try (TerminalDb db = TerminalDb.open(dir.resolve("terminal.db"))) {
            new Operators(db, new PasswordHasher(1_000, new SecureRandom()), new AuditLog(db, TrainingTerminals.CLOCK), TrainingTerminals.CLOCK)
                    .add(new Operator("sup01", "王主管", Role.SUPERVISOR, true), "supervisor-pw".toCharArray(), "setup");
        }
        assertEquals(0, run("123456\n", "sale", "--json", "--pin-stdin", "--items", "XA10BAD003:3", "--account", "1001"), out + " " + err);
        JsonNode sale = jsonOut();
        Path voided = outside.resolve("void.pdf");
        assertEquals(0, run("supervisor-pw\n", "void", sale.get("setl_id").asText(), "--supervisor", "sup01", "--json",
                "--reason", "wrong item", "--receipt", voided.toString()), out + " " + err);
        JsonNode v = jsonOut();
        String text = text(voided);
        assertHeader(text, "sup01");
        assertTrue(text.contains(sale.get("setl_id").asText()), text);
        assertTrue(text.contains("wrong item"), text);
        assertTrue(text.contains(sale.get("card_no").asText()), "the card of the original sale: " + text);
        assertTrue(text.contains(Yuan.format(v.get("acct_refund_fen").asLong())), text);
        assertTrue(text.contains(Yuan.format(v.get("fund_refund_fen").asLong())), text);

        Path day = outside.resolve("day.pdf");
        assertEquals(0, run("", "day-close", "--receipt", day.toString()), "the voided sale is left out on both sides: MATCH; " + out);
        String report = text(day);
        assertHeader(report, "cashier");
        assertTrue(report.contains("2026-11-23"), report);
        assertTrue(report.contains("MATCH") && !report.contains("MISMATCH"), report);

        assertEquals(0, run("", "receipt", "list", "--json"), err.toString());
        JsonNode kinds = jsonOut().get("receipts");
        assertEquals("sale-receipt", kinds.get(0).get("kind").asText());
        assertEquals("void-receipt", kinds.get(1).get("kind").asText());
        assertEquals("day-close-report", kinds.get(2).get("kind").asText());
    }

    @Test
    void registration_slipWithVisitDepartmentAndFee_outpatientSettlementReceipt() throws Exception {
        Files.writeString(dir.resolve("medcard.properties"), "institution.kind=HOSPITAL\n", StandardCharsets.UTF_8);
        Path slip = outside.resolve("slip.pdf");
        assertEquals(0, run("123456\n", "register", "--dept", "D01", "--pin-stdin", "--json", "--sim-card", "normal-3des",
                "--receipt", slip.toString()), out + " " + err);
        JsonNode reg = jsonOut();
        String text = text(slip);
        assertHeader(text, "clerk");
        assertTrue(text.contains(reg.get("mdtrt_id").asText()), "mdtrt_id: " + text);
        assertTrue(text.contains(reg.get("setl_id").asText()), "setl_id: " + text);
        assertTrue(text.contains(ID_MASKED), text);

        assertEquals(0, run("", "register", "--dept", "D01", "--settle-later", "--json", "--sim-card", "normal-3des"), out + " " + err);
        String visit = jsonOut().get("mdtrt_id").asText();
        Path settled = outside.resolve("outpatient.pdf");
        assertEquals(0, run("123456\n", "outpatient", "settle", "--visit", visit, "--items", "XJ01CAA001:1", "--pin-stdin", "--json",
                "--sim-card", "normal-3des", "--receipt", settled.toString()), out + " " + err);
        JsonNode o = jsonOut();
        String receipt = text(settled);
        assertHeader(receipt, "clerk");
        assertTrue(receipt.contains(o.get("setl_id").asText()), receipt);
        assertTrue(receipt.contains("XJ01CAA001") || receipt.contains("12.50"), "the prescribed item: " + receipt);
    }
}

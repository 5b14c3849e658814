package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * {@code medcard card info}, {@code medcard sale} and {@code medcard queue} run in-process against a temp data
 * folder: the training reader and card, the embedded center on loopback, the real SQLite files.
 */
class CardAndSaleCommandsIT {

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

    @Test
    void cardInfoJson_printsTheCardMaskedWithStatusAndBalance() throws Exception {
        assertEquals(0, run("", "card", "info", "--json", "--sim-card", "suspended"), err.toString());
        JsonNode n = jsonOut();
        assertEquals("110*************0003", n.get("card_no").asText());
        assertEquals("李强", n.get("name").asText());
        assertEquals("110***********3110", n.get("id_masked").asText());
        assertEquals("EMPLOYEE", n.get("scheme").asText());
        assertEquals("110101", n.get("region").asText());
        assertEquals("SUSPENDED", n.get("status").asText());
        assertTrue(n.get("status_message").asText().contains("R4"), "message in the configured language (zh_CN)");
        assertEquals(83_400, n.get("balance_fen").asLong());
        assertEquals("TRIPLE_DES", n.get("algorithm").asText());
        assertEquals("2034-03-14", n.get("expiry").asText());
        assertTrue(n.get("online").asBoolean());
        assertFalse(out.toString().contains("11010120190315000003"), "the full card number is not printed");
    }

    @Test
    void cardInfoText_masksTheCardNumberAndSaysTheStatusMessage() {
        assertEquals(0, run("", "card", "info", "--sim-card", "frozen", "--data-dir", dir.toString()), err.toString());
        assertTrue(out.toString().contains("110*************0004"), out.toString());
        assertTrue(out.toString().contains("FROZEN"), out.toString());
        assertTrue(err.toString().contains("TRAINING MODE"));
    }

    @Test
    void saleJson_settlesOnline_andTheBalanceStaysSpentInTheNextRun() throws Exception {
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:2", "--pin-stdin", "--json"), err.toString());
        JsonNode n = jsonOut();
        assertEquals("SETTLED", n.get("outcome").asText());
        assertEquals(2_500, n.get("total_fen").asLong());
        assertEquals(0, n.get("fund_pay_fen").asLong());
        assertEquals(2_500, n.get("acct_pay_fen").asLong());
        assertEquals(0, n.get("cash_pay_fen").asLong());
        assertTrue(n.get("tac").asText().matches("[0-9A-F]{8}"));
        assertFalse(n.get("setl_id").isNull());
        // R15: online, the sale first loads the profile's two pending contributions (2 x 350.00).
        assertEquals(128_650 + 70_000 - 2_500, n.get("balance_after_fen").asLong());

        assertEquals(0, run("", "card", "info", "--json"));
        assertEquals(128_650 + 70_000 - 2_500, jsonOut().get("balance_fen").asLong(), "the training card keeps its state in its file");
    }

    @Test
    void saleWithoutPin_isRefusedWithExitOne() throws Exception {
        assertEquals(1, run("", "sale", "--items", "XJ01CAA001:1", "--json"));
        assertEquals("REFUSED", jsonOut().get("outcome").asText());
        assertEquals("sale.pin_needed", jsonOut().get("message_key").asText());
    }

    @Test
    void saleOffline_debitsWithinLimits_thenQueueForwardUploadsIt() throws Exception {
        assertEquals(0, run("", "queue", "list", "--json"), err.toString()); // first start: downloads the catalog
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin", "--offline", "--json"), err.toString());
        assertEquals("OFFLINE_DEBITED", jsonOut().get("outcome").asText());
        assertEquals(0, run("", "queue", "--json"));
        assertEquals(1, jsonOut().get("queued_debits").asLong());
        assertEquals(0, run("", "queue", "forward", "--json"), err.toString());
        assertEquals(0, jsonOut().get("queued_debits").asLong());
        assertEquals(0, run("", "queue", "verify"));
        assertTrue(out.toString().contains("no findings"));
    }

    @Test
    void cashEntryWithTheIdNumber_whenOfflineModeIsCashResettle() throws Exception {
        assertEquals(0, run("", "queue", "list"));
        java.nio.file.Files.writeString(dir.resolve("medcard.properties"), "offline.mode=CASH_RESETTLE\n");
        assertEquals(0, run("", "sale", "--items", "XJ01CAA001:1", "--offline", "--id-number", "110101197805211235", "--json"),
                err.toString());
        JsonNode n = jsonOut();
        assertEquals("CASH_RESETTLE", n.get("outcome").asText());
        assertEquals(1_250, n.get("cash_pay_fen").asLong());
        assertTrue(n.get("entry_no").asText().startsWith("000000123456-"), n.toString());
        // R11 case 2: the last day the entry can be re-settled, resettle.max_days (90) after the fault's date
        // (the terminal's clock may be a training clock: the arithmetic is checked in ReceiptModelTest and PharmacySaleIT)
        java.time.LocalDate by = java.time.LocalDate.parse(n.get("resettle_by").asText());

        assertEquals(0, run("", "sale", "--items", "XJ01CAA001:1", "--offline", "--id-number", "110101197805211235"),
                err.toString());
        assertTrue(out.toString().contains("entry_no:") && out.toString().contains("(re-settle by " + by + ")"), out.toString());
    }

    @Test
    void aWrongCheckDigit_saysWhichDigitTheSeventeenDigitsCallFor() throws Exception {
        assertEquals(0, run("", "queue", "list")); // as above: the catalog is downloaded before the center goes away
        java.nio.file.Files.writeString(dir.resolve("medcard.properties"), "offline.mode=CASH_RESETTLE\n");
        assertEquals(1, run("", "sale", "--items", "XJ01CAA001:1", "--offline", "--id-number", "110101197805211234"),
                err.toString());
        assertTrue(out.toString().contains("校验位应为 5"), out.toString()); // the CLI speaks the configured language (zh)
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("", "sale"));
        assertEquals(2, run("", "sale", "--items", "XJ01CAA001:x"));
        assertEquals(2, run("", "card", "info", "--sim-card", "no-such-profile"));
        assertEquals(0, run("", "sale", "--help"));
        assertTrue(out.toString().contains("--pin-stdin"));
    }

    @Test
    void queueExport_masksCardAndIdNumbersByDefault_fullOnlyWhenAsked() throws Exception {
        assertEquals(0, run("", "queue", "list"), err.toString());
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin", "--offline", "--json"), err.toString());
        java.nio.file.Path masked = outside.resolve("masked.jsonl");
        assertEquals(0, run("", "queue", "export", "--out", masked.toString(), "--json"), err.toString());
        JsonNode n = jsonOut();
        assertEquals("MASKED", n.get("mode").asText());
        assertTrue(n.get("clean").asBoolean());
        String maskedText = java.nio.file.Files.readString(masked);
        assertTrue(maskedText.contains("\"mode\":\"MASKED\""), maskedText);
        assertFalse(maskedText.contains("11010120190315000001"), "the card number is masked");

        java.nio.file.Path full = outside.resolve("full.jsonl");
        assertEquals(0, run("", "queue", "export", "--out", full.toString(), "--full"), err.toString());
        assertTrue(java.nio.file.Files.readString(full).contains("\"mode\":\"FULL\""));
        assertEquals(2, run("", "queue", "export"), "export needs --out");
    }
}

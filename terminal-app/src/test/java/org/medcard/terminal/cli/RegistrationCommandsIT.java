package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * {@code medcard register}, {@code medcard register cancel} and {@code medcard outpatient settle} run
 * in-process on a hospital terminal's temp data folder: training reader and card, embedded center on loopback,
 * real SQLite files.
 */
class RegistrationCommandsIT {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void hospital() throws Exception {
        Files.writeString(dir.resolve("medcard.properties"), "institution.kind=HOSPITAL\n", StandardCharsets.UTF_8);
    }

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
    void registerJson_settlesTheFee_andPrintsTheSplitTacAndSettlementId() throws Exception {
        assertEquals(0, run("123456\n", "register", "--dept", "D01", "--pin-stdin", "--json", "--sim-card", "normal-3des"),
                err + out.toString());
        JsonNode n = jsonOut();
        assertEquals("SETTLED", n.get("outcome").asText());
        assertTrue(n.get("mdtrt_id").asText().startsWith("MDT"), n.toString());
        assertEquals(5_000, n.get("total_fen").asLong());
        assertEquals(3_500, n.get("fund_pay_fen").asLong());
        assertEquals(1_500, n.get("acct_pay_fen").asLong());
        assertEquals(0, n.get("cash_pay_fen").asLong());
        assertTrue(n.get("tac").asText().matches("[0-9A-F]{8}"), n.toString());
        assertTrue(n.get("setl_id").asText().length() > 0, n.toString());
        assertEquals("110*************0001", n.get("card_no").asText());
    }

    @Test
    void registerLater_thenOutpatientSettle_thenAnotherVisitCancelled() throws Exception {
        assertEquals(0, run("", "register", "--dept", "D03", "--settle-later", "--json", "--sim-card", "normal-3des"), err.toString());
        String visit = jsonOut().get("mdtrt_id").asText();
        assertEquals("REGISTERED", jsonOut().get("outcome").asText());

        assertEquals(0, run("123456\n", "outpatient", "settle", "--visit", visit, "--items", "XJ01CAA001:2", "--pin-stdin", "--json",
                "--sim-card", "normal-3des"), err + out.toString());
        JsonNode settled = jsonOut();
        assertEquals("SETTLED", settled.get("outcome").asText());
        assertEquals(visit, settled.get("mdtrt_id").asText());
        assertEquals(7_500, settled.get("total_fen").asLong());
        assertEquals(settled.get("total_fen").asLong(), settled.get("fund_pay_fen").asLong() + settled.get("acct_pay_fen").asLong()
                + settled.get("cash_pay_fen").asLong());

        assertEquals(0, run("", "register", "--dept", "D02", "--settle-later", "--json", "--sim-card", "normal-3des"), err.toString());
        String second = jsonOut().get("mdtrt_id").asText();
        assertEquals(0, run("", "register", "cancel", second, "--json"), err.toString());
        assertEquals("CANCELLED", jsonOut().get("outcome").asText());
        assertEquals(1, run("", "register", "cancel", second, "--json"), "a cancelled visit cannot be cancelled again");
    }

    @Test
    void visitPaidMoreThanOnce_feeThenTwoBatches_thenClosed_thenRefused() throws Exception {
        assertEquals(0, run("123456\n", "register", "--dept", "D01", "--pin-stdin", "--json", "--sim-card", "normal-3des"),
                err + out.toString());
        String visit = jsonOut().get("mdtrt_id").asText();
        assertEquals(0, run("123456\n", "outpatient", "settle", "--visit", visit, "--items", "XJ01CAA001:2", "--pin-stdin", "--json",
                "--sim-card", "normal-3des"), err + out.toString());
        assertEquals("SETTLED", jsonOut().get("outcome").asText());
        assertEquals(2_500, jsonOut().get("total_fen").asLong(), "the fee was paid at registration");
        assertEquals(0, run("123456\n", "outpatient", "settle", "--visit", visit, "--items", "XJ01CAA001:1", "--pin-stdin", "--json",
                "--sim-card", "normal-3des"), err + out.toString());
        assertEquals(1_250, jsonOut().get("total_fen").asLong());

        assertEquals(0, run("", "outpatient", "close", "--visit", visit, "--json"), err + out.toString());
        assertEquals("CLOSED", jsonOut().get("outcome").asText());
        assertEquals(1, run("123456\n", "outpatient", "settle", "--visit", visit, "--items", "XJ01CAA001:1", "--pin-stdin", "--json",
                "--sim-card", "normal-3des"), out.toString());
        assertEquals("registration.visit_not_open", jsonOut().get("message_key").asText());
    }

    @Test
    void R11_centerFault_feeAndABatchPaidInCashWithTheIdNumber_thenReSettledWithTheCard_refundShown() throws Exception {
        assertEquals(0, run("", "queue", "list"), err.toString()); // the catalog is downloaded before the center goes away
        assertEquals(1, run("", "register", "--dept", "D01", "--offline", "--json"), out.toString());
        assertEquals("sale.id_number_needed", jsonOut().get("message_key").asText(), "the clerk is asked for the ID number");

        assertEquals(0, run("", "register", "--dept", "D01", "--offline", "--id-number", "110101197805211235", "--json"),
                err + out.toString());
        JsonNode fee = jsonOut();
        assertEquals("CASH_RESETTLE", fee.get("outcome").asText());
        assertEquals(5_000, fee.get("cash_pay_fen").asLong());
        String visit = fee.get("mdtrt_id").asText();
        String feeEntry = fee.get("entry_no").asText();
        assertTrue(visit.startsWith("CASH-") && visit.endsWith(feeEntry), visit);
        assertEquals(0, run("", "outpatient", "settle", "--visit", visit, "--items", "XJ01CAA001:2", "--offline", "--id-number",
                "110101197805211235"), err + out.toString());
        assertTrue(out.toString().contains("outcome:      CASH_RESETTLE") && out.toString().contains("entry:"), out.toString());

        assertEquals(0, run("123456\n", "resettle", "settle", feeEntry, "--sim-card", "normal-3des", "--pin-stdin", "--json"),
                err + out.toString());
        JsonNode back = jsonOut();
        assertEquals("SETTLED", back.get("outcome").asText(), back.toString());
        assertEquals(5_000, back.get("refund_fen").asLong(), "the insured shares of the fee handed back in cash");
        assertEquals(back.get("refund_fen").asLong(), back.get("fund_pay_fen").asLong() + back.get("acct_pay_fen").asLong());
    }

    @Test
    void frozenCard_exitsOneWithTheStatusMessage_andAnUnknownOptionIsAUsageError() throws Exception {
        assertEquals(1, run("", "register", "--dept", "D01", "--json", "--sim-card", "frozen"), err.toString());
        assertEquals("status.frozen", jsonOut().get("message_key").asText());
        assertEquals("REFUSED", jsonOut().get("outcome").asText());
        assertEquals(2, run("", "register", "--json"), "--dept is required");
    }
}

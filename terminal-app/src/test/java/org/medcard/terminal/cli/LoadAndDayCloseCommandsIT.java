package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatorTrainingReader;

/** {@code medcard card load} and {@code medcard day-close} in-process against a temp data folder and the embedded center. */
class LoadAndDayCloseCommandsIT {

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

    @Test
    void cardLoadJson_creditsBothContributionsOnce_andTheNextRunHasNothingToLoad() throws Exception {
        assertEquals(0, run("", "card", "load", "--json"), err.toString());
        JsonNode n = json.readTree(out.toString());
        assertEquals(2, n.get("loads").size());
        assertEquals("CREDITED", n.get("loads").get(0).get("result").asText());
        assertEquals(70_000, n.get("loaded_fen").asLong());
        assertEquals(128_650 + 70_000, n.get("balance_fen").asLong());

        assertEquals(0, run("", "card", "load", "--json"), err.toString());
        JsonNode again = json.readTree(out.toString());
        assertEquals(0, again.get("loads").size(), "the center has nothing pending any more");
        assertEquals(128_650 + 70_000, again.get("balance_fen").asLong());
    }

    @Test
    void cardLoadOffline_saysTheCenterIsNeeded_andLeavesTheCard() throws Exception {
        assertEquals(1, run("", "card", "load", "--offline", "--json"));
        assertTrue(err.toString().contains("the center is not reachable: loads need it (R15)"), err.toString());
        assertEquals("", out.toString(), "nothing loaded, nothing printed");

        assertEquals(0, run("", "card", "load", "--json"), err.toString());
        assertEquals(70_000, json.readTree(out.toString()).get("loaded_fen").asLong(), "the loads still wait for the next run");
    }

    /**
     * A sale torn after the card debited (issue 13: {@code card load} goes through the one card session): the next
     * {@code card load} resolves it first — proven by the card, settled once with the center — then loads. The real
     * training card file and the real queue.db of the data folder carry the torn sale from one run to the next.
     */
    @Test
    void cardLoad_resolvesATornSaleOfTheCardFirst_thenLoads() throws Exception {
        String cardNo;
        long afterTear;
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            SimulatorTrainingReader reader = (SimulatorTrainingReader) t.devices().training().orElseThrow();
            VirtualMedicalCard card = reader.presentCard(TerminalCommands.DEFAULT_SIM_CARD);
            cardNo = card.profile().cardNo();
            card.tearAfterDebitApplied();
            SaleOutcome torn = t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:1")),
                    () -> "123456".toCharArray(), "cashier01"));
            assertEquals(SaleOutcome.Kind.INTERRUPTED, torn.kind(), torn.toString());
            afterTear = reader.presentCard(TerminalCommands.DEFAULT_SIM_CARD).state().balance();
        }
        assertEquals(0, run("", "queue", "list", "--json"), err.toString());
        assertEquals(1, json.readTree(out.toString()).get("unfinished_sales").asInt(),
                "starting a command leaves it: no card is in the slot at start");

        assertEquals(0, run("", "card", "load", "--json"), err.toString());
        JsonNode n = json.readTree(out.toString());
        long loaded = n.get("loaded_fen").asLong();
        assertEquals(afterTear + loaded, n.get("balance_fen").asLong(), "the torn debit stands once, the loads on top");

        assertEquals(0, run("", "queue", "list", "--json"), err.toString());
        JsonNode queue = json.readTree(out.toString());
        assertEquals(0, queue.get("unfinished_sales").asInt(), "card load resolved the torn sale: " + queue);
        assertEquals(0, queue.get("pending_messages").asInt(), "its 2102 reached the center: " + queue);
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            assertEquals(n.get("balance_fen").asLong(), TrainingTerminals.shadowBalance(t, cardNo),
                    "card and center agree: the torn sale was settled once");
        }
    }

    @Test
    void dayCloseJson_afterASale_MATCH_withTotalsPerSource_andWritesThePdf() throws Exception {
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:2", "--pin-stdin", "--json"), err.toString());
        Path pdf = outside.resolve("day-close.pdf");

        assertEquals(0, run("", "day-close", "--date", "2026-11-23", "--json", "--pdf", pdf.toString()), err.toString());

        JsonNode n = json.readTree(out.toString());
        assertEquals("2026-11-23", n.get("date").asText());
        assertEquals("MATCH", n.get("reconciliation").get("result").asText());
        assertEquals(1, n.get("reconciliation").get("count").asLong());
        JsonNode online = n.get("totals").get(0);
        assertEquals("ONLINE", online.get("source").asText());
        assertEquals(1, online.get("count").asInt());
        assertEquals(2_500, online.get("acct_fen").asLong());
        assertEquals(0, n.get("differences").size());
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
    }

    @Test
    void dayCloseInstitution_supervisorSeesEachCountersTotals_andTheCashTheDrawerShouldHold() throws Exception {
        assertEquals(0, run("123456\n", "sale", "--items", "XA10BAD003:3", "--account", "1001", "--pin-stdin", "--json"), err.toString());

        assertEquals(0, run("", "day-close", "--date", "2026-11-23", "--institution", "--json"), err.toString());

        JsonNode n = json.readTree(out.toString());
        assertEquals("MATCH", n.at("/reconciliation/result").asText());
        assertEquals("MATCH", n.at("/institution/result").asText());
        assertEquals(1, n.at("/institution/counters").size());
        assertEquals("01", n.at("/institution/counters/0/term_no").asText());
        assertEquals(3_402, n.at("/institution/counters/0/fund_sum").asLong());
        assertEquals(457, n.at("/institution/counters/0/cash_sum").asLong());
        assertEquals(457, n.get("cash_in_drawer_fen").asLong(), "48.60 less the fund's 34.02 and the account's 10.01");

        assertEquals(0, run("", "day-close", "--date", "2026-11-23", "--institution"), err.toString());
        assertTrue(out.toString().contains("cash in the drawer should be: 4.57"), out.toString());
        assertTrue(out.toString().contains("counter 01"), out.toString());
    }

    @Test
    void dayClose_anotherDay_hasNothingAndStillMatches() throws Exception {
        assertEquals(0, run("", "day-close", "--date", "2026-11-22"), err.toString());
        assertTrue(out.toString().contains("MATCH"), out.toString());
    }
}

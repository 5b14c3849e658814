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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * {@code medcard resettle list|settle}, {@code medcard void} and {@code medcard reverse} run in-process against
 * a temp data folder: the training reader and card, the embedded center on loopback, the real SQLite files.
 */
class ResettleAndVoidCommandsIT {

    private static final String ZHANG_WEI_ID = "110101197805211235"; // normal-3des

    @TempDir
    Path dir;

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
    void cashEntryIsListedThenReSettledWithTheCard_refundPrinted() throws Exception {
        Files.writeString(dir.resolve("medcard.properties"), "offline.mode=CASH_RESETTLE\n");
        assertEquals(0, run("", "card", "info"), "online once: the catalog is downloaded; " + err);
        assertEquals(0, run("", "sale", "--offline", "--json", "--items", "XA10BAD003:3", "--id-number", ZHANG_WEI_ID), out + " " + err);
        String entryNo = jsonOut().get("entry_no").asText();

        assertEquals(0, run("", "resettle", "list", "--json", "--id-number", ZHANG_WEI_ID), err.toString());
        JsonNode listed = jsonOut().get("entries");
        assertEquals(1, listed.size());
        assertEquals(entryNo, listed.get(0).get("entry_no").asText());
        assertEquals("OPEN", listed.get(0).get("state").asText());
        assertEquals("110***********1235", listed.get(0).get("id_masked").asText());
        assertFalse(out.toString().contains(ZHANG_WEI_ID), "the ID number is masked");

        assertEquals(1, run("", "resettle", "settle", entryNo, "--json", "--sim-card", "normal-sm4"), "another person's card");
        assertEquals("resettle.wrong_card", jsonOut().get("message_key").asText());

        assertEquals(1, run("", "resettle", "settle", entryNo, "--json", "--sim-card", "normal-3des"), "no PIN for the account share");
        assertEquals("sale.pin_needed", jsonOut().get("message_key").asText());

        assertEquals(0, run("123456\n", "resettle", "settle", entryNo, "--json", "--pin-stdin", "--sim-card", "normal-3des"), err.toString());
        JsonNode settled = jsonOut();
        assertEquals("SETTLED", settled.get("outcome").asText());
        assertEquals(3_402, settled.get("fund_pay_fen").asLong());
        assertEquals(1_458, settled.get("acct_pay_fen").asLong(), "the personal account pays its share (R11)");
        assertEquals(4_860, settled.get("refund_fen").asLong(), "refund = pooling + account");
        assertTrue(settled.get("message").asText().contains(entryNo), settled.get("message").asText());

        assertEquals(0, run("", "resettle", "list"), err.toString());
        assertTrue(out.toString().contains(entryNo + "  SETTLED"), out.toString());
    }

    @Test
    void voidWithoutASupervisorIsRefused_exit1() throws Exception {
        assertEquals(0, run("123456\n", "sale", "--json", "--pin-stdin", "--items", "XA10BAD003:3", "--account", "1001"), out + " " + err);
        String setlId = jsonOut().get("setl_id").asText();

        assertEquals(1, run("not-a-password\n", "void", setlId, "--supervisor", "nobody", "--json"));

        assertEquals("REFUSED", jsonOut().get("outcome").asText());
        assertEquals("void.supervisor_needed", jsonOut().get("message_key").asText());
        assertEquals(2, run("", "void", setlId), "--supervisor is required");
    }

    @Test
    void reverseOfAMessageThatIsNotUnanswered_exit1WithTheReason() {
        assertEquals(1, run("", "reverse", "NO-SUCH-MSGID"));
        assertTrue(err.toString().contains("NO-SUCH-MSGID"), err.toString());
    }
}

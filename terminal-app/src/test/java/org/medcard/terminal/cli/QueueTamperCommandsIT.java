package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.SaleIntent;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;

/**
 * Issue 18, case 4: after a tamper finding forwarding was blocked for good — nothing let anyone investigate and
 * acknowledge it, and {@code queue forward} said "nothing to forward", exit 0. Now {@code queue tamper list|show|
 * acknowledge} say what changed, when it was found and who acknowledged it (audited), and forwarding resumes for the
 * rows that verify: a real offline sale is forwarded, the debit edited outside the terminal is held.
 */
class QueueTamperCommandsIT {
    @TempDir
    Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private String edited;

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeEach
    void anOfflineSale_andADebitEditedOutsideTheTerminal() throws Exception {
        assertEquals(0, run("", "queue", "list"), err.toString());
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin", "--offline"), err.toString());
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            var ticket = t.queue().beginSale(SaleIntent.offline("10000000000000000007", "110101197805211235", 7, 2_500, 0,
                    "[{\"code\":\"XJ01CAA001\",\"qty\":2,\"price\":1250}]"));
            t.queue().recordCardDebit(ticket.saleId(), "0A0B0C0D");
            edited = ticket.saleId();
            new Operators(t.db(), new PasswordHasher(1_000, new SecureRandom()), t.audit(), t.clock())
                    .add(new Operator("sup18", "王主管", Role.SUPERVISOR, true), "supervisor-pw".toCharArray(), "setup");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("queue.db")); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE offline_debit SET amount = 25 WHERE sale_id = '" + edited + "'");
        }
    }

    @Test
    void show_masksACardNumberSpelledInHex_beforeAndAfterTheAcknowledgement() throws Exception {
        String hexCard = "1000000000000000ABCD"; // card_no is 20 hex digits in the purse record (host protocol)
        String sale;
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            var ticket = t.queue().beginSale(SaleIntent.offline(hexCard, "110101197805211235", 9, 1_250, 0,
                    "[{\"code\":\"XJ01CAA001\",\"qty\":1,\"price\":1250}]"));
            t.queue().recordCardDebit(ticket.saleId(), "0A0B0C0E");
            sale = ticket.saleId();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("queue.db")); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE offline_debit SET amount = 12 WHERE sale_id = '" + sale + "'");
        }
        run("", "queue", "tamper", "list", "--json");
        long id = -1;
        for (JsonNode f : new ObjectMapper().readTree(out.toString()).get("findings")) {
            if (f.get("what").asText().contains(sale)) {
                id = f.get("id").asLong();
            }
        }
        assertTrue(id > 0, out.toString());

        assertEquals(0, run("", "queue", "tamper", "show", Long.toString(id)), err.toString());
        // the line that created the row (one CARD_DEBITED line since queue schema v7; DEBIT_QUEUED before)
        assertTrue(out.toString().contains("CARD_DEBITED"), out.toString());
        assertTrue(out.toString().contains("100*************ABCD"), out.toString());
        assertFalse(out.toString().contains(hexCard), "the card number in full: " + out);
        assertEquals(0, run("", "queue", "tamper", "show", Long.toString(id), "--json"), err.toString());
        assertFalse(out.toString().contains(hexCard), "the card number in full: " + out);

        assertEquals(0, run("supervisor-pw\n", "queue", "tamper", "acknowledge", "--supervisor", "sup18"), err.toString());
        assertEquals(0, run("", "queue", "tamper", "show", Long.toString(id)), err.toString());
        assertTrue(out.toString().contains("ROW_RESEALED"), "the row as found: " + out);
        assertFalse(out.toString().contains(hexCard), "the card number in full: " + out);
        assertTrue(out.toString().contains("100*************ABCD"), out.toString());
    }

    @Test
    void aHeldRow_isReleasedByATechnicianOnly_journalledInTheChain_andGoesToTheCenterAgain() throws Exception {
        assertEquals(1, run("", "queue", "forward"), "the finding is made");
        assertEquals(0, run("supervisor-pw\n", "queue", "tamper", "acknowledge", "--supervisor", "sup18", "--note", "edited"),
                err.toString());
        assertTrue(out.toString().contains("held: offline_debit " + edited), out.toString());
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            new Operators(t.db(), new PasswordHasher(1_000, new SecureRandom()), t.audit(), t.clock())
                    .add(new Operator("tech18", "赵工", Role.TECHNICIAN, true), "technician-pw".toCharArray(), "setup");
        }
        assertEquals(1, run("", "queue", "forward"), "held: exit 1");
        assertTrue(err.toString().contains("medcard queue release"), "the next step: " + err);

        assertEquals(1, run("supervisor-pw\n", "queue", "release", edited, "--technician", "sup18"));
        assertTrue(err.toString().contains("not released: sup18 is not a technician"), err.toString());
        assertEquals(1, run("technician-pw\n", "queue", "release", "T01-9999999999", "--technician", "tech18"));
        assertTrue(err.toString().contains("nothing held for T01-9999999999"), err.toString());

        assertEquals(0, run("technician-pw\n", "queue", "release", edited, "--technician", "tech18", "--note",
                "the amount column was edited by hand; the purse record is intact"), err.toString());
        assertEquals("released: offline_debit " + edited, out.toString().lines().findFirst().orElseThrow());

        assertEquals(0, run("", "queue", "tamper", "list", "--json"), err.toString());
        assertEquals(0, new ObjectMapper().readTree(out.toString()).get("held").size(), "nothing held any more: " + out);
        assertEquals(0, run("", "queue", "verify"), "the release is in the chain: " + out + err);
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            List<String> kinds = t.queue().journal(0, 1_000).stream()
                    .filter(e -> "offline_debit".equals(e.entity()) && edited.equals(e.entityId())).map(e -> e.kind()).toList();
            assertEquals("ROW_RELEASED", kinds.get(kinds.size() - 1), kinds.toString());
            List<AuditLog.Entry> released = t.audit().entries("QUEUE_ROW_RELEASED");
            assertEquals(1, released.size());
            assertEquals("tech18", released.get(0).operator());
            assertTrue(released.get(0).detail().startsWith("offline_debit " + edited), released.get(0).detail());
            assertEquals(1, t.audit().entries("QUEUE_ROW_RELEASE_REFUSED").size());
            assertTrue(t.audit().verify().intact());
        }

        assertEquals(0, run("", "queue", "forward", "--json"), err.toString());
        assertFalse(err.toString().contains("held from the center"), err.toString());
        // The center judges the released row: this debit's TAC was never made by a card, so it refuses it.
        JsonNode fwd = new ObjectMapper().readTree(out.toString());
        assertEquals("8301", fwd.get("results").get(0).get("infno").asText());
        assertEquals(1, fwd.get("results").get(0).get("rejected").asInt(), fwd.toString());
        assertEquals(0, fwd.get("queued_debits").asInt());
    }

    @Test
    void anOnlineSaleWhileForwardingIsBlocked_saysItsSettlementWaitsForTheSupervisor_notThatItIsResent() {
        assertEquals(1, run("", "queue", "forward"), "the finding is made and blocks forwarding");

        run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin");

        assertTrue(out.toString().contains("SETTLEMENT_PENDING"), out.toString());
        // The training terminal speaks Chinese: the message names the next step (the tamper list), not a resend.
        assertTrue(out.toString().contains("主管确认前所有报文暂停上传（medcard queue tamper list）"), out.toString());
        assertFalse(out.toString().contains("终端会以同一报文重发"), out.toString());
    }

    @Test
    void forwardSaysItIsBlocked_theSupervisorInvestigatesAndAcknowledges_andTheRowsThatVerifyGo() throws Exception {
        assertEquals(1, run("", "queue", "forward"));
        assertFalse(out.toString().contains("nothing to forward"), out.toString());
        assertTrue(err.toString().contains("forwarding is blocked by a tamper finding"), err.toString());
        assertTrue(err.toString().contains("medcard queue tamper list"), "the next step: " + err);

        assertEquals(0, run("", "queue", "list"));
        assertTrue(out.toString().contains("UNVERIFIED"), "the total is not shown as fact: " + out);

        assertEquals(1, run("", "queue", "tamper", "list", "--json"), err.toString());
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertTrue(list.get("forwarding_blocked").asBoolean());
        JsonNode finding = list.get("findings").get(0);
        assertEquals("OPEN", finding.get("status").asText());
        assertEquals("offline_debit " + edited + " does not match its HMAC (edited)", finding.get("what").asText());
        assertEquals(TrainingTerminals.CLOCK.instant().toString(), finding.get("found_at").asText());
        long id = finding.get("id").asLong();

        assertEquals(0, run("", "queue", "tamper", "show", Long.toString(id)), err.toString());
        assertTrue(out.toString().contains("CARD_DEBITED") && out.toString().contains("\"amount\":2500"),
                "what the terminal journalled, to compare with the edited 25: " + out);

        assertEquals(1, run("wrong-password\n", "queue", "tamper", "acknowledge", "--supervisor", "sup18"));
        assertTrue(err.toString().contains("not acknowledged"), err.toString());
        assertEquals(1, run("", "queue", "forward"), "still blocked");

        assertEquals(0, run("supervisor-pw\n", "queue", "tamper", "acknowledge", "--supervisor", "sup18", "--note",
                "amount changed with a SQLite tool; reported"), err.toString());
        assertTrue(out.toString().contains("ACKNOWLEDGED") && out.toString().contains("acknowledged by sup18"), out.toString());
        assertTrue(out.toString().contains("held: offline_debit " + edited), out.toString());

        assertEquals(1, run("", "queue", "forward", "--json"), "exit 1: a row is held; " + err);
        JsonNode fwd = new ObjectMapper().readTree(out.toString());
        assertEquals("8301", fwd.get("results").get(0).get("infno").asText());
        assertEquals(1, fwd.get("results").get(0).get("accepted").asInt(), "the real sale reached the center: " + fwd);
        assertEquals(0, fwd.get("queued_debits").asInt(), "the edited debit is held, not counted as waiting");
        assertTrue(err.toString().contains("held from the center"), err.toString());

        assertEquals(0, run("", "queue", "tamper", "list"), err.toString());
        assertTrue(out.toString().contains("acknowledged by sup18") && out.toString().contains("amount changed with a SQLite tool"),
                out.toString());

        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            List<String> actions = t.audit().latest(50).stream().map(AuditLog.Entry::action).toList();
            assertTrue(actions.contains("QUEUE_TAMPER_FOUND"), actions.toString());
            assertTrue(actions.contains("QUEUE_TAMPER_ACK_REFUSED"), actions.toString());
            assertTrue(actions.contains("QUEUE_TAMPER_ACKNOWLEDGED"), actions.toString());
            assertTrue(t.audit().verify().intact(), "the audit log's own chain holds");
        }
    }
}

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
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;

/**
 * Issue 14, "settlement rejected after a debit", through the CLI against the simulated center over HTTP on loopback:
 * the center rejects a sale the card already paid (2005); the terminal reverses it (2601) on its own, the center
 * returns the account share as a load (8501), and the card gets it back the next time it is presented (CREDIT FOR
 * LOAD, R15's one path). {@code queue rejected} lists it at each step; {@code queue rejected resolve} is a
 * supervisor's, audited.
 */
class QueueRejectedCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private SettlementCenter center;
    private String url;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void startCenter() {
        center = new SettlementCenter(CenterConfig.inMemory(), TrainingTerminals.CLOCK);
        center.start(0);
        url = "http://127.0.0.1:" + center.port() + "/";
    }

    @AfterEach
    void stopCenter() {
        center.stop();
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--center";
        all[args.length + 1] = url;
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    private JsonNode rejectedJson() throws Exception {
        run("", "queue", "rejected", "--json");
        return JSON.readTree(out.toString());
    }

    private long balance() throws Exception {
        assertEquals(0, run("", "card", "info", "--json"), err.toString());
        return JSON.readTree(out.toString()).path("balance_fen").asLong(-1);
    }

    @Test
    void R2_settlementRejectedAfterTheDebit_reversedAutomatically_refundCreditedWhenTheCardIsNextPresented() throws Exception {
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin"), err + out.toString());
        long before = balance();
        center.inject(new Fault(FaultKind.SETTLE_REJECTED, 0, 1));

        run("123456\n", "sale", "--items", "XJ01CAA001:2", "--pin-stdin");
        String saleOut = out.toString() + err;

        JsonNode list = rejectedJson();
        assertEquals(1, list.path("rejected").size(), list.toString());
        JsonNode r = list.path("rejected").get(0);
        assertEquals("2102", r.path("infno").asText());
        assertEquals(2005, r.path("infcode").asInt());
        assertTrue(r.path("reason").asText().contains("SETTLE_REJECTED"), r.toString());
        assertEquals(2_500, r.path("card_debit").asLong(), "the account share the card paid: " + saleOut);
        assertFalse(r.path("card").asText().matches("[0-9A-F]{20}"), "masked: " + r.path("card"));
        assertEquals(0, list.path("needs_supervisor").asInt(), "the terminal deals with it on its own");

        assertEquals(0, run("", "queue", "forward"), err + out.toString());
        r = rejectedJson().path("rejected").get(0);
        assertEquals("REFUND_PENDING", r.path("resolution").asText(), r.toString());
        String loadId = r.path("refund_load_id").asText();
        assertTrue(loadId.startsWith("RFD"), loadId);

        // The card presented again for the next sale: the one card session credits pending loads (R15) first.
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin"), err + out.toString());
        assertEquals(before - 1_250, balance(), "the ¥25.00 debited for the rejected sale is back on the card; only ¥12.50 paid");
        r = rejectedJson().path("rejected").get(0);
        assertEquals("REFUND_CREDITED", r.path("resolution").asText(), r.toString());
        assertEquals(0, run("", "queue", "rejected"), out.toString());
        assertTrue(out.toString().contains("credited back to the card") || out.toString().contains("已圈存回卡"), out.toString());
    }

    @Test
    void resolve_isASupervisors_handledNeedsANote_resendOfAReturnedDebitIsRefused_auditedUnderTheName() throws Exception {
        try (Terminal t = TrainingTerminals.open(dir, Map.of("center.url", url))) {
            new Operators(t.db(), new PasswordHasher(1_000, new SecureRandom()), t.audit(), t.clock())
                    .add(new Operator("sup14", "王主管", Role.SUPERVISOR, true), "supervisor-pw".toCharArray(), "setup");
        }
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin"), err + out.toString());
        center.inject(new Fault(FaultKind.SETTLE_REJECTED, 0, 1));
        run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin");
        String msgid = rejectedJson().path("rejected").get(0).path("msgid").asText();

        assertEquals(2, run("supervisor-pw\n", "queue", "rejected", "resolve", msgid, "--handled", "--supervisor", "sup14"),
                "--handled without a note is a usage error");
        assertEquals(1, run("wrong\n", "queue", "rejected", "resolve", msgid, "--handled", "--note", "x", "--supervisor", "sup14"));
        assertEquals(1, run("supervisor-pw\n", "queue", "rejected", "resolve", msgid, "--resend", "--supervisor", "sup14"));
        assertTrue(err.toString().contains("REVERSAL_QUEUED") || err.toString().contains("REFUND"), err.toString());

        assertEquals(0, run("supervisor-pw\n", "queue", "rejected", "resolve", msgid, "--handled", "--note",
                "told the patient the money comes back on the card", "--supervisor", "sup14", "--json"), err.toString());
        JsonNode done = JSON.readTree(out.toString());
        assertEquals("HANDLED", done.path("resolution").asText());
        assertEquals("sup14", done.path("resolved_by").asText());

        assertEquals(0, run("", "audit", "list", "--json"), err.toString());
        String audit = out.toString();
        assertTrue(audit.contains("REJECTED_HANDLED") && audit.contains("sup14") && audit.contains("comes back on the card"), audit);
        assertTrue(audit.contains("REJECTED_REFUSED"), "the wrong password is audited too: " + audit);
    }
}

package org.medcard.simulator.center.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.ProfileSeed;
import org.medcard.simulator.center.store.Seeder;

/**
 * Issue 18 case 12, the center's side: impossible dates, badly formed msgids and huge fields are refused with
 * {@code -1} naming the field, and no answer echoes big input back.
 */
class TxProcessorHostileInputTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:15:02Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MSGID = "P11010100001" + "20261122101502" + "01" + "0002";

    private CenterStore store;
    private TxProcessor processor;
    private String signNo;

    @BeforeEach
    void center() throws Exception {
        store = CenterStore.open(CenterStore.MEMORY);
        store.inTransaction((db, sp) -> {
            Seeder.seed(db, ProfileSeed.bundled());
            return null;
        });
        processor = new TxProcessor(store, new Json(), CLOCK, TxSettings.defaults(), new FaultInjector());
        ObjectNode in = JSON.createObjectNode().put("opter", "cashier01").put("dev_no", "T01");
        JsonNode a = send(envelope("9001", "P1101010000120261122101502010001", in).put("sign_no", ""));
        assertEquals(0, a.get("infcode").asInt(), a::toString);
        signNo = a.at("/output/sign_no").asText();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void serviceDate_februaryThirtieth_isRefused_notMovedToTheTwentyEighth() throws Exception {
        ObjectNode in = JSON.createObjectNode().put("psn_no", "X").put("card_no", "Y").put("service_date", "2026-02-30");
        long before = answeredRows();
        JsonNode a = send(envelope("2101", MSGID, in));
        assertEquals(InfCode.MALFORMED, a.get("infcode").asInt());
        assertTrue(a.get("err_msg").asText().startsWith("input.service_date: must be a date yyyy-MM-dd"), a.toString());
        assertEquals(before, answeredRows(), "nothing stored");
    }

    @Test
    void msgid_whoseTimeIsNoTime_isRefused() throws Exception {
        JsonNode a = send(envelope("1301", "P11010100001" + "20261399256199" + "01" + "0003", JSON.createObjectNode()));
        assertEquals(InfCode.MALFORMED, a.get("infcode").asInt());
        assertTrue(a.get("err_msg").asText().startsWith("msgid: characters 13-26 must be a real time"), a.toString());
    }

    @Test
    void sevenMegabyteOpter_isRefused_andNotEchoed() throws Exception {
        String huge = "o".repeat(7 * 1024 * 1024);
        TxProcessor.Answer answer = processor.handle(bytes(envelope("1301", MSGID, JSON.createObjectNode()).put("opter", huge)),
                () -> false);
        JsonNode a = JSON.readTree(answer.body());
        assertEquals(InfCode.MALFORMED, a.get("infcode").asInt());
        assertTrue(a.get("err_msg").asText().startsWith("opter: is 7340032 characters long, at most 64"), a.toString());
        assertTrue(answer.body().length() < 1024, "answer of " + answer.body().length() + " characters");
    }

    @Test
    void hundredKilobytesOfInput_areNotEchoedInErrMsg_norInInfRefmsgid() throws Exception {
        String big = "9".repeat(100 * 1024);
        TxProcessor.Answer inField = processor.handle(bytes(envelope("2101", MSGID,
                JSON.createObjectNode().put("psn_no", "X").put("card_no", "Y").put("service_date", big))), () -> false);
        TxProcessor.Answer inMsgid = processor.handle(bytes(envelope("1301", big, JSON.createObjectNode())), () -> false);
        TxProcessor.Answer inArray = processor.handle(bytes(envelope("2101", MSGID, JSON.createObjectNode()
                .put("psn_no", "X").put("card_no", "Y").put("service_date", "2026-11-22")
                .set("items", JSON.valueToTree(new int[30_000])))), () -> false);
        for (TxProcessor.Answer answer : new TxProcessor.Answer[] {inField, inMsgid, inArray}) {
            JsonNode a = JSON.readTree(answer.body());
            assertEquals(InfCode.MALFORMED, a.get("infcode").asInt(), answer.body());
            assertTrue(answer.body().length() < 1024, "answer of " + answer.body().length() + " characters: "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
            assertFalse(answer.body().contains("9".repeat(100)), answer.body());
        }
        assertTrue(JSON.readTree(inMsgid.body()).get("inf_refmsgid").isNull(), "a msgid not of the msgid's form is not echoed");
    }

    private ObjectNode envelope(String infno, String msgid, ObjectNode input) {
        ObjectNode e = JSON.createObjectNode().put("infno", infno).put("msgid", msgid).put("fixmedins_code", "P11010100001")
                .put("dev_no", "T01").put("opter", "cashier01").put("sign_no", signNo).put("inf_time", "2026-11-22 10:15:02");
        e.set("input", input);
        return e;
    }

    private JsonNode send(ObjectNode envelope) throws Exception {
        return JSON.readTree(processor.handle(bytes(envelope), () -> false).body());
    }

    private static byte[] bytes(ObjectNode envelope) throws Exception {
        return JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private long answeredRows() {
        return store.inTransaction((db, sp) -> db.number("SELECT COUNT(*) FROM answered", 0));
    }
}

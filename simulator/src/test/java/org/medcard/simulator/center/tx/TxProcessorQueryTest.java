package org.medcard.simulator.center.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.ProfileSeed;
import org.medcard.simulator.center.store.Seeder;
import org.medcard.simulator.profile.CardProfiles;

/**
 * Issue 17: a request that changes nothing (a query) is answered from memory on a
 * resend and costs no write; a request that changes something stores its answer on disk as before.
 */
class TxProcessorQueryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:15:02Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MSGID = "P11010100001" + "20261122101502" + "01" + "0002";

    @TempDir
    Path dir;
    private CenterStore store;
    private TxProcessor processor;
    private String signNo;

    @BeforeEach
    void center() throws Exception {
        store = CenterStore.open(dir.resolve("center.db").toString());
        store.inTransaction((db, sp) -> {
            Seeder.seed(db, ProfileSeed.bundled());
            return null;
        });
        processor = new TxProcessor(store, new Json(), CLOCK, TxSettings.defaults(), new FaultInjector());
        ObjectNode in = JSON.createObjectNode().put("opter", "cashier01").put("dev_no", "T01");
        TxProcessor.Answer a = send(envelope("9001", "P1101010000120261122101502010001", in).put("sign_no", ""));
        assertEquals(0, JSON.readTree(a.body()).get("infcode").asInt(), a::body);
        assertTrue(a.committedNew(), "a sign-in changes the center: stored on disk");
        signNo = JSON.readTree(a.body()).at("/output/sign_no").asText();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aQuery_writesNothing_andItsResendGetsTheSameAnswer() throws Exception {
        String cardNo = CardProfiles.bundled().get("normal-3des").cardNo();
        long walBefore = walBytes();
        long rowsBefore = answeredRows();

        TxProcessor.Answer first = send(envelope("1101", MSGID, JSON.createObjectNode().put("card_no", cardNo)));
        assertEquals(InfCode.OK, JSON.readTree(first.body()).get("infcode").asInt(), first.body());
        assertFalse(first.committedNew(), "nothing committed for a query");
        assertTrue(first.rememberedNew() && first.keptNew(), "kept under its msgid in memory");
        assertEquals(walBefore, walBytes(), "the query wrote nothing to the write-ahead log");
        assertEquals(rowsBefore, answeredRows());

        TxProcessor.Answer again = send(envelope("1101", MSGID, JSON.createObjectNode().put("card_no", cardNo)));
        assertEquals(first.body(), again.body(), "a resend gets the same answer, byte for byte");
        assertFalse(again.keptNew(), "a resend is not a new answer");

        TxProcessor.Answer other = send(envelope("1101", MSGID, JSON.createObjectNode().put("card_no", "0000")));
        assertEquals(InfCode.MSGID_CONTENT_DIFFERS, JSON.readTree(other.body()).get("infcode").asInt(), other.body());
    }

    @Test
    void aRequestThatChangesSomething_storesItsAnswerOnDisk() throws Exception {
        long rowsBefore = answeredRows();
        TxProcessor.Answer out = send(envelope("9002", MSGID, JSON.createObjectNode().put("sign_no", signNo)));
        assertEquals(InfCode.OK, JSON.readTree(out.body()).get("infcode").asInt(), out.body());
        assertTrue(out.committedNew());
        assertFalse(out.rememberedNew());
        assertEquals(rowsBefore + 1, answeredRows());
    }

    private long walBytes() throws Exception {
        Path wal = dir.resolve("center.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private ObjectNode envelope(String infno, String msgid, ObjectNode input) {
        ObjectNode e = JSON.createObjectNode().put("infno", infno).put("msgid", msgid).put("fixmedins_code", "P11010100001")
                .put("dev_no", "T01").put("opter", "cashier01").put("sign_no", signNo).put("inf_time", "2026-11-22 10:15:02");
        e.set("input", input);
        return e;
    }

    private TxProcessor.Answer send(ObjectNode envelope) throws Exception {
        return processor.handle(JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), () -> false);
    }

    private long answeredRows() {
        return store.inTransaction((db, sp) -> db.number("SELECT COUNT(*) FROM answered", 0));
    }
}

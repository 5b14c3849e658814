package org.medcard.simulator.center.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.medcard.simulator.center.fault.FaultInjector;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.Json;
import org.medcard.simulator.center.store.CenterSeed;
import org.medcard.simulator.center.store.CenterStore;
import org.medcard.simulator.center.store.ProfileSeed;
import org.medcard.simulator.center.store.Seeder;

/**
 * Coverage-guided fuzzing of the simulated center's request handling (docs/fuzzing.md): envelope parsing
 * ({@code Request.read}) and every transaction handler, on a fresh seeded in-memory center per input (so each
 * input is deterministic). Either the whole body is fuzz bytes, or a valid signed-in envelope carries a fuzz
 * {@code input} for a fuzz-chosen transaction. Contract: {@link TxProcessor#handle} never throws; the answer
 * is a JSON envelope with an integer {@code infcode}; a fuzz request never causes an internal error (9999);
 * an answer that is not stored leaves the database exactly as it was (no half-applied request), and a stored
 * one is stored under its msgid.
 */
class TxProcessorFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:15:02Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] INFNOS = {"9001", "9002", "1101", "1301", "8101", "2101", "2102", "2103", "2201", "2202",
            "2206", "2207", "8301", "8400", "8401", "8402", "8501", "8502", "2601", "3201", "3202", "0000"};
    /** Parsed once: the seed is an immutable value; only the database is made anew per input. */
    private static final CenterSeed SEED = ProfileSeed.bundled();
    private static final String MSGID = "P11010100001" + "20261122101502" + "01" + "0002";

    @FuzzTest(maxDuration = "3m")
    void anyRequestBody_isAnsweredWithAnEnvelope_neverHalfApplied(FuzzedDataProvider fuzz) throws Exception {
        try (CenterStore store = CenterStore.open(CenterStore.MEMORY)) {
            store.inTransaction((db, sp) -> {
                Seeder.seed(db, SEED);
                return null;
            });
            TxProcessor processor = new TxProcessor(store, new Json(), CLOCK, TxSettings.defaults(), new FaultInjector());
            String signNo = signIn(processor);

            byte[] body;
            if (fuzz.consumeBoolean()) {
                String infno = fuzz.pickValue(INFNOS);
                String msgid = fuzz.consumeBoolean() ? MSGID : fuzz.consumeString(40);
                String input = fuzz.consumeRemainingAsString();
                body = ("{\"infno\":\"" + infno + "\",\"msgid\":" + JSON.writeValueAsString(msgid)
                        + ",\"fixmedins_code\":\"P11010100001\",\"dev_no\":\"T01\",\"opter\":\"cashier01\",\"sign_no\":\""
                        + signNo + "\",\"inf_time\":\"2026-11-22 10:15:02\",\"input\":" + input + "}").getBytes(StandardCharsets.UTF_8);
            } else {
                body = fuzz.consumeRemainingAsBytes();
            }

            List<String> before = snapshot(store);
            TxProcessor.Answer answer = processor.handle(body, () -> false);
            JsonNode envelope = JSON.readTree(answer.body());
            assertTrue(envelope.isObject() && envelope.get("infcode").isIntegralNumber(), "an envelope with an integer infcode");
            assertEquals(answer.infcode(), envelope.get("infcode").asInt());
            assertNotEquals(InfCode.INTERNAL_ERROR, answer.infcode(), "a request must never cause an internal error: " + answer.body());
            List<String> after = snapshot(store);
            if (answer.committedNew()) {
                String msgid = envelope.get("inf_refmsgid").asText();
                long stored = store.inTransaction((db, sp) -> db.number("SELECT COUNT(*) FROM answered WHERE msgid = ?", 0, msgid));
                assertEquals(1, stored, "a stored answer is stored under its msgid");
            } else {
                assertEquals(before, after, "an answer that is not stored leaves the database unchanged");
            }
        }
    }

    private static String signIn(TxProcessor processor) throws Exception {
        String body = "{\"infno\":\"9001\",\"msgid\":\"P1101010000120261122101502010001\",\"fixmedins_code\":\"P11010100001\","
                + "\"dev_no\":\"T01\",\"opter\":\"cashier01\",\"inf_time\":\"2026-11-22 10:15:02\","
                + "\"input\":{\"opter\":\"cashier01\",\"dev_no\":\"T01\"}}";
        JsonNode a = JSON.readTree(processor.handle(body.getBytes(StandardCharsets.UTF_8), () -> false).body());
        assertEquals(0, a.get("infcode").asInt(), () -> "sign-in: " + a);
        return a.at("/output/sign_no").asText();
    }

    /** Every row of every table, as text: small, because each input gets a fresh center. */
    private static List<String> snapshot(CenterStore store) {
        return store.inTransaction((db, sp) -> {
            List<String> rows = new ArrayList<>();
            for (String table : db.list("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", rs -> rs.getString(1))) {
                rows.addAll(db.list("SELECT * FROM \"" + table + "\"", rs -> {
                    ResultSetMetaData md = rs.getMetaData();
                    StringBuilder row = new StringBuilder(table);
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.append('|').append(rs.getString(i));
                    }
                    return row.toString();
                }));
            }
            return rows;
        });
    }
}

package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.offlineDebit;
import static org.medcard.queue.QueueFixtures.offlineSale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the durable record of a card's debit takes the sale's ticket from memory when this queue committed the
 * intent, and from the journal otherwise; both write the same record, and memory never says more than the file.
 */
class DurableRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    @Test
    void aRecordIsTheSameWhetherItsIntentWasBegunInThisProcessOrReadBackAfterARestart() throws Exception {
        Path file = dir.resolve("q.db");
        String items = "[ {\"code\": \"A001\", \"qty\": 1.50, \"price\": 2500} ]";
        SaleIntent first = SaleIntent.offline(QueueFixtures.card(1).toLowerCase(), QueueFixtures.PATIENT, 7, 1234, 56,
                items).withCardDebit(4242, "2026-11-23 10:15:00");
        SaleIntent second = SaleIntent.offline(QueueFixtures.card(1).toLowerCase(), QueueFixtures.PATIENT, 8, 1234, 56,
                items).withCardDebit(4242, "2026-11-23 10:15:00");
        String inProcess;
        String afterRestart;
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            inProcess = q.beginSale(first).saleId();
            q.recordCardDebit(inProcess, "0a0b0c0d");
            afterRestart = q.beginSale(second).saleId();
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            q.recordCardDebit(afterRestart, "0a0b0c0d");
            assertTrue(q.verify().findings().isEmpty(), q.verify().toString());
        }
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            // the second sale cannot have the first one's card counter: all else is the same
            assertEquals(withoutSale(row(st, "SELECT record FROM offline_debit WHERE sale_id = '" + inProcess + "'")),
                    withoutSale(row(st, "SELECT record FROM offline_debit WHERE sale_id = '" + afterRestart + "'")));
            assertEquals(withoutSale(row(st, "SELECT payload FROM journal WHERE kind = 'CARD_DEBITED' AND sale_id = '"
                            + inProcess + "'")),
                    withoutSale(row(st, "SELECT payload FROM journal WHERE kind = 'CARD_DEBITED' AND sale_id = '"
                            + afterRestart + "'")));
            JsonNode record = JSON.readTree(row(st, "SELECT record FROM offline_debit WHERE sale_id = '" + inProcess + "'"));
            assertEquals(QueueFixtures.card(1), record.path("card_no").asText());
            assertEquals("0A0B0C0D", record.path("tac").asText());
            assertEquals(4242, record.path("terminal_seq").asLong());
            assertEquals("[{\"code\":\"A001\",\"qty\":1.5,\"price\":2500}]", record.path("items").toString());
        }
    }

    @Test
    void anOnlineSalesSettlementIsTheSameWhetherItsIntentWasBegunInThisProcessOrReadBackAfterARestart() {
        Path file = dir.resolve("q.db");
        String input = "{ \"presettle_id\": \"PS1\", \"acct_pay\": 1200, \"cash_pay\": 300 }";
        OutboxMessage inProcess;
        String afterRestart;
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            inProcess = q.recordCardDebit(q.beginSale(new SaleIntent(SaleMode.ONLINE, QueueFixtures.card(3),
                    QueueFixtures.PATIENT, 9, 1200, 300, QueueFixtures.ITEMS, "2102", input).withCardDebit(77, "2026-11-23 10:15:00"))
                    .saleId(), "11223344")
                    .orElseThrow();
            afterRestart = q.beginSale(new SaleIntent(SaleMode.ONLINE, QueueFixtures.card(3), QueueFixtures.PATIENT, 10,
                    1200, 300, QueueFixtures.ITEMS, "2102", input).withCardDebit(77, "2026-11-23 10:15:00")).saleId();
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            OutboxMessage read = q.recordCardDebit(afterRestart, "11223344").orElseThrow();
            assertEquals(inProcess.inputJson().replace("\"offline_counter\":9", "\"offline_counter\":10"),
                    read.inputJson());
            assertTrue(read.inputJson().contains("\"presettle_id\":\"PS1\""), read.inputJson());
            assertEquals(inProcess.transaction(), read.transaction());
        }
    }

    @Test
    void aRecordRefusedAndRolledBackLeavesItsSaleOpen_andOneRecordedIsNeverRecordedAgain() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            offlineDebit(q, 1, 7, 100);
            SaleTicket again = q.beginSale(offlineSale(1, 7, 100)); // the same card counter: its record is refused
            assertThrows(QueueStoreException.class, () -> q.recordCardDebit(again.saleId(), "01020304"));
            assertEquals(List.of(again.saleId()), q.unfinishedSales().stream().map(SaleTicket::saleId).toList());
            q.recordNoDebit(again.saleId(), "GET TRANSACTION PROVE 9406");
            assertTrue(q.unfinishedSales().isEmpty());
            assertThrows(QueueStoreException.class, () -> q.recordCardDebit(again.saleId(), "01020304"));

            SaleTicket t = q.beginSale(offlineSale(2, 9, 100));
            q.recordCardDebit(t.saleId(), "01020304");
            q.recordCardDebit(t.saleId(), "01020304"); // a retry: nothing new
            assertEquals(1, q.journalOfSale(t.saleId()).stream().filter(e -> e.kind().equals("CARD_DEBITED")).count());
            assertEquals(2, q.summary().queuedDebits());
        }
    }

    @Test
    void manySalesOpenAtOnceAreEachRecordedOnce_beyondWhatIsKeptInMemory() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            List<SaleTicket> open = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                open.add(q.beginSale(offlineSale(i, 1, 100 + i)));
            }
            java.util.Collections.shuffle(open, new Random(17));
            for (SaleTicket t : open) {
                q.recordCardDebit(t.saleId(), "0000" + LocalTimes.pad(t.intent().cardCounter() * 100 + 1, 4));
            }
            assertEquals(100, q.summary().queuedDebits());
            assertTrue(q.unfinishedSales().isEmpty());
            assertTrue(q.verify().findings().isEmpty());
        }
    }

    @Test
    void theStampIsWhatTheFormatterPrints() {
        Random r = new Random(17);
        for (int i = 0; i < 2000; i++) {
            Instant at = Instant.ofEpochSecond(r.nextLong(-62_000_000_000L, 253_000_000_000L), r.nextInt(1_000_000_000));
            assertEquals(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(at), LocalTimes.stamp(at), at.toString());
        }
        assertEquals("2026-11-23T02:15:02.007Z", LocalTimes.stamp(Instant.parse("2026-11-23T02:15:02.007999Z")));
    }

    private static String row(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    /** The JSON without the card counter, wherever it is (the record, or the purse inside the TAC line). */
    private static String withoutSale(String json) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
        assertTrue(node.has("offline_counter") || node.path("purse").has("offline_counter"), json);
        node.remove("offline_counter");
        if (node.has("purse")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("purse")).remove("offline_counter");
        }
        return node.toString();
    }
}

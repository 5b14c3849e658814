package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.ITEMS;
import static org.medcard.queue.QueueFixtures.PATIENT;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of every earlier schema version, with the data that version could hold, opens at the latest. */
class MigrationTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    @ParameterizedTest(name = "from schema v{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void fileOfAnEarlierVersionMigratesKeepingEveryRowAndTheChain(int version) throws Exception {
        Path file = dir.resolve("v" + version + ".db");
        String onlineMsgid;
        String offlineSale = null;
        try (OfflineQueue q = OfflineQueue.open(file, QueueFixtures.roomySettings(), QueueFixtures.key(), clock, version)) {
            SaleTicket t = q.beginSale(new SaleIntent(SaleMode.ONLINE, card(1), PATIENT, 3, 500, 0, ITEMS, "2102",
                    "{\"presettle_id\":\"P1\"}"));
            onlineMsgid = q.recordCardDebit(t.saleId(), "01020304").orElseThrow().msgid();
            if (version >= 2) {
                offlineSale = offlineDebit(q, 2, 5, 700);
            }
        }
        assertEquals(version, userVersion(file));
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertEquals(Schema.LATEST, userVersion(file));
            assertTrue(q.tamperReport().clean(), q.tamperReport().findings().toString());
            assertEquals(OutboxState.PENDING, q.message(onlineMsgid).orElseThrow().state());
            if (offlineSale != null) {
                assertEquals("QUEUED", q.offlineDebit(offlineSale).orElseThrow().state());
            }
            List<String> kinds = q.journal(0, 100).stream().map(JournalEntry::kind).toList();
            assertEquals("SCHEMA_MIGRATED", kinds.get(kinds.size() - 1));
            // the migrated file takes every kind of write
            q.recordCashPayment(new ResettlementRequest(Fault.NO_READER, PATIENT, "c1", ITEMS, 100, 100));
            offlineDebit(q, 3, 1, 100);
            assertTrue(q.verify().clean());
        }
    }

    @Test
    void R11_aV5EntryReadsAsAPharmacyEntryPaidWhollyInCash_andIsReSettledAsBefore() throws Exception {
        Path file = dir.resolve("v5.db");
        String entryNo;
        try (OfflineQueue q = OfflineQueue.open(file, QueueFixtures.roomySettings(), QueueFixtures.key(), clock, 5)) {
            entryNo = q.recordCashPayment(new ResettlementRequest(Fault.NO_READER, PATIENT, "c1", ITEMS, 100, 100)).entryNo();
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertEquals(Schema.LATEST, userVersion(file));
            assertTrue(q.tamperReport().clean(), q.tamperReport().findings().toString());
            ResettlementEntry e = q.resettlement(entryNo).orElseThrow();
            assertEquals(EntryKind.PHARMACY, e.kind());
            assertEquals(0, e.acctPaidFen());
            assertEquals(null, e.offlineMsgid());
            assertTrue(q.entrySettlement(entryNo, card(1)).input().contains("\"cash_paid\":100"));
        }
    }

    /**
     * A v6 file as main (8d51934) wrote it, kept as a test resource: three offline debits forwarded and settled (DONE),
     * one offline debit QUEUED, an online sale's 2102 PENDING, a cash re-settlement entry OPEN with its 8400, and an
     * offline sale intent without a card answer (the card was torn). Made on 2026-12-07 10:00 Shanghai time with
     * {@code QueueFixtures.key()} by {@code offlineDebit}, a {@code Forwarder} drain to {@code FakeCenter},
     * {@code beginSale}/{@code recordCardDebit} and {@code recordCashPayment}. Each offline debit there has two lines
     * (CARD_DEBITED, then DEBIT_QUEUED creating the row); v7 writes one.
     */
    @Test
    void aV6FileMadeByTheEarlierProgramMigratesToTheLatest_verifiesClean_andTakesTheTornSaleAndNewSales() throws Exception {
        Path file = dir.resolve("v6.db");
        try (var in = MigrationTest.class.getResourceAsStream("v6-queue-made-by-8d51934.sqlite")) {
            java.nio.file.Files.copy(in, file);
        }
        assertEquals(6, userVersion(file));
        MutableClock sameDay = MutableClock.shanghai("2026-12-07T03:00:00Z");
        // 13.00 per card per day, so that what R11 counts for a card shows at the limit
        QueueSettings settings = QueueFixtures.settings().withLimits(new OfflineLimits(OfflineMode.STORE_AND_FORWARD,
                10_000_000L, 1300, 100_000_000_000L, java.time.Duration.ofDays(3650)));
        try (OfflineQueue q = OfflineQueue.open(file, settings, QueueFixtures.key(), sameDay)) {
            assertEquals(Schema.LATEST, userVersion(file));
            assertTrue(q.tamperReport().clean(), q.tamperReport().findings().toString());
            assertEquals("SCHEMA_MIGRATED", q.journal(28, 10).get(0).kind());
            assertEquals(List.of("QUEUED"), List.of(q.offlineDebit("0000000000A1-0000000004").orElseThrow().state()));
            assertEquals("DONE", q.offlineDebit("0000000000A1-0000000001").orElseThrow().state());
            QueueSummary s = q.summary();
            assertEquals(1, s.queuedDebits());
            assertEquals(200, s.queuedDebitFen());
            assertEquals(1, s.openResettlements());
            // the torn sale's intent is still found, and its card answer recorded now (read from the journal: the
            // intent is from before this process) creates its row with one line
            assertEquals(List.of("0000000000A1-0000000006"), q.unfinishedSales().stream().map(SaleTicket::saleId).toList());
            q.recordCardDebit("0000000000A1-0000000006", "0D0E0F10");
            assertEquals(List.of("SALE_INTENT", "CARD_DEBITED"),
                    q.journalOfSale("0000000000A1-0000000006").stream().map(JournalEntry::kind).toList());
            // R11 per card per day reads the v6 rows through the (card_no, offline_counter) index: card 1 holds
            // 7.00 + 3.00 + 2.00 of offline debits today, so 1.00 more is exactly at the limit and 1.01 past it
            assertTrue(q.checkOfflineDebit(card(1), 100).allowed());
            assertEquals(LimitDecision.Reason.PER_CARD_PER_DAY, q.checkOfflineDebit(card(1), 101).reason());
            offlineDebit(q, 1, 4, 50);
            assertEquals(LimitDecision.Reason.PER_CARD_PER_DAY, q.checkOfflineDebit(card(1), 51).reason());
            assertTrue(q.checkOfflineDebit(card(2), 800).allowed(), "card 2: 5.00 today");
            assertTrue(q.verify().clean(), q.verify().findings().toString());
        }
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT group_concat(name || ':' || coalesce(sql, ''), ' | ') FROM"
                     + " (SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('journal', 'offline_debit')"
                     + " ORDER BY name)")) {
            String indexes = rs.getString(1);
            assertTrue(indexes.contains("journal_entity:CREATE INDEX journal_entity ON journal (entity, entity_id)"
                    + " WHERE entity IS NOT NULL"), indexes);
            assertFalse(indexes.contains("offline_debit_card_day"), indexes);
            assertTrue(indexes.contains("journal_sale:CREATE INDEX journal_sale ON journal (sale_id)"
                    + " WHERE entity IS NOT 'offline_debit'"), indexes);
            assertTrue(indexes.contains("offline_debit_state:"), indexes);
        }
    }

    @Test
    void newFileIsCreatedAtTheLatestVersion() throws Exception {
        Path file = dir.resolve("new.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertEquals("QUEUE_CREATED", q.journal(0, 1).get(0).kind());
        }
        assertEquals(Schema.LATEST, userVersion(file));
    }

    @Test
    void fileFromANewerProgramIsRefusedUnchanged() throws Exception {
        Path file = dir.resolve("future.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 1, 100);
        }
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("PRAGMA user_version = 99");
        }
        QueueStoreException e = org.junit.jupiter.api.Assertions.assertThrows(QueueStoreException.class,
                () -> QueueFixtures.open(file, clock));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertEquals(99, userVersion(file));
    }

    static int userVersion(Path file) throws Exception {
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }
}

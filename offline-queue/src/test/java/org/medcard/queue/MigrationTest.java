package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    @ValueSource(ints = {1, 2, 3})
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

package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.ITEMS;
import static org.medcard.queue.QueueFixtures.PATIENT;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;
import static org.medcard.queue.QueueFixtures.offlineSale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineQueueTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    @Test
    void saleIntentIsJournalledWithTerminalSequenceAndCardCounterBeforeTheDebit() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            SaleTicket t = q.beginSale(offlineSale(1, 41, 2500));
            assertEquals(1, t.terminalSeq());
            assertEquals("2026-11-23 10:15:02", t.txTime()); // institution local time (Asia/Shanghai)
            List<JournalEntry> lines = q.journalOfSale(t.saleId());
            assertEquals(List.of("SALE_INTENT"), lines.stream().map(JournalEntry::kind).toList());
            assertTrue(lines.get(0).payload().contains("\"card_counter\":41"));
            assertTrue(lines.get(0).payload().contains("\"terminal_seq\":1"));
            assertEquals(List.of(t.saleId()), q.unfinishedSales().stream().map(SaleTicket::saleId).toList());
        }
    }

    @Test
    void theDebitRecordCarriesThePsamsSequenceAndTheCardsTime_soTheTacVerifies() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            SaleTicket t = q.beginSale(offlineSale(1, 41, 2500).withCardDebit(0x101, "2026-11-23 10:14:59"));
            assertEquals(0x101, t.terminalSeq());
            assertEquals("2026-11-23 10:14:59", t.txTime());
            q.recordCardDebit(t.saleId(), "6FBC1D52");
            String debited = q.journalOfSale(t.saleId()).get(1).payload();
            assertTrue(debited.contains("\"terminal_seq\":257"), debited);
            assertTrue(debited.contains("\"tx_time\":\"2026-11-23 10:14:59\""), debited);
        }
    }

    @Test
    void reservedMsgidsForQueriesNeverRepeatAndFollowTheHostFormat() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            String first = q.reserveMsgid();
            String second = q.reserveMsgid();
            assertEquals(32, first.length());
            assertTrue(first.matches("[A-Z0-9]{12}20261123101502\\d{6}"), first);
            assertFalse(first.equals(second));
            OutboxMessage queued = q.queueMessage("9001", null, "{}");
            assertFalse(queued.msgid().equals(first) || queued.msgid().equals(second), "queued messages share the sequence");
        }
    }

    @Test
    void offlineDebitIsQueuedForBatchUploadInTheSameTransactionAsTheTac() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            String saleId = offlineDebit(q, 1, 41, 2500);
            OfflineDebit d = q.offlineDebit(saleId).orElseThrow();
            assertEquals("QUEUED", d.state());
            assertEquals(41, d.offlineCounter());
            assertEquals(2500, d.amountFen());
            List<JournalEntry> lines = q.journalOfSale(saleId);
            assertEquals(List.of("SALE_INTENT", "CARD_DEBITED"), lines.stream().map(JournalEntry::kind).toList());
            // issue 17: the card's answer is the line that creates the debit row (one line, not two)
            JournalEntry answer = lines.get(1);
            assertEquals("offline_debit", answer.entity());
            assertEquals(saleId, answer.entityId());
            assertTrue(answer.payload().contains("\"amount\":2500") && answer.payload().contains("\"offline_counter\":41"),
                    answer.payload());
            QueueSummary s = q.summary();
            assertEquals(1, s.queuedDebits());
            assertEquals(2500, s.queuedDebitFen());
            assertEquals(0, s.unfinishedSales());
        }
    }

    @Test
    void terminalSequenceSurvivesRestart() {
        Path file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 1, 100);
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertEquals(2, q.beginSale(offlineSale(1, 2, 100)).terminalSeq());
        }
    }

    @Test
    void sameTacRecordedTwiceIsOneDebit_differentTacIsRefused() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            SaleTicket t = q.beginSale(offlineSale(1, 7, 100));
            q.recordCardDebit(t.saleId(), "0A0B0C0D");
            q.recordCardDebit(t.saleId(), "0a0b0c0d");
            assertEquals(1, q.journalOfSale(t.saleId()).stream().filter(e -> e.kind().equals("CARD_DEBITED")).count());
            QueueStoreException e = assertThrows(QueueStoreException.class,
                    () -> q.recordCardDebit(t.saleId(), "FFFFFFFF"));
            assertEquals(QueueStoreException.Reason.REFUSED, e.reason());
            assertEquals(1, q.summary().queuedDebits());
        }
    }

    @Test
    void aCardCounterCanBeDebitedOnlyOnce_noDuplicateRecord() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            offlineDebit(q, 1, 7, 100);
            SaleTicket again = q.beginSale(offlineSale(1, 7, 100));
            QueueStoreException e = assertThrows(QueueStoreException.class,
                    () -> q.recordCardDebit(again.saleId(), "01020304"));
            assertEquals(QueueStoreException.Reason.REFUSED, e.reason());
            assertFalse(e.stopsWrites());
            assertEquals(1, q.summary().queuedDebits());
            offlineDebit(q, 1, 8, 100); // the queue still takes writes
        }
    }

    @Test
    void cardNotDebitedIsACorrectionThatClosesTheSale() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            SaleTicket t = q.beginSale(offlineSale(1, 7, 100));
            q.recordNoDebit(t.saleId(), "GET TRANSACTION PROVE 9406");
            assertTrue(q.unfinishedSales().isEmpty());
            assertThrows(QueueStoreException.class, () -> q.recordCardDebit(t.saleId(), "01020304"));
            assertEquals(0, q.summary().queuedDebits());
        }
    }

    @Test
    void unfinishedSaleIsFoundAfterRestartAndNeverDropped() {
        Path file = dir.resolve("q.db");
        String saleId;
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            saleId = q.beginSale(offlineSale(1, 7, 100)).saleId();
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            List<SaleTicket> unfinished = q.unfinishedSales();
            assertEquals(1, unfinished.size());
            assertEquals(7, unfinished.get(0).intent().cardCounter());
            assertEquals(1, q.summary().unfinishedSales());
            q.recordCardDebit(saleId, "01020304"); // the card's GET TRANSACTION PROVE returned the TAC
            assertTrue(q.unfinishedSales().isEmpty());
        }
    }

    @Test
    void onlineSaleQueuesItsSettleMessageWithA32CharacterMsgidBeforeTheFirstSend() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            SaleIntent intent = new SaleIntent(SaleMode.ONLINE, card(3), PATIENT, 9, 1200, 300, ITEMS, "2102",
                    "{\"presettle_id\":\"PS1\",\"acct_pay\":1200,\"cash_pay\":300}");
            SaleTicket t = q.beginSale(intent);
            OutboxMessage m = q.recordCardDebit(t.saleId(), "11223344").orElseThrow();
            assertEquals("P11010100001" + "20261123101502" + "01" + "0001", m.msgid());
            assertEquals(32, m.msgid().length());
            assertEquals(OutboxState.PENDING, m.state());
            assertEquals("2102", m.transaction());
            assertTrue(m.inputJson().contains("\"tac\":\"11223344\""));
            assertTrue(m.inputJson().contains("\"presettle_id\":\"PS1\""));
            assertEquals(Optional.of(m.msgid()), q.message(m.msgid()).map(OutboxMessage::msgid));
        }
    }

    @Test
    void messageLeftSendingByACrashBecomesUnknownOnStart() {
        Path file = dir.resolve("q.db");
        String msgid;
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            msgid = q.queueMessage("8502", card(1), "{\"load_id\":\"L1\"}").msgid();
            assertEquals(OutboxState.SENDING, q.claimNext().orElseThrow().state());
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            OutboxMessage m = q.message(msgid).orElseThrow();
            assertEquals(OutboxState.UNKNOWN, m.state());
            assertEquals(1, m.attempts());
            assertEquals(msgid, q.claimNext().orElseThrow().msgid()); // resent with the same msgid
        }
    }

    @Test
    void journalRefusesUpdateAndDeleteFromOutside() throws SQLException {
        Path file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 1, 100);
        }
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE journal SET payload = '{}' WHERE seq = 2"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM journal WHERE seq = 2"));
        }
    }

    @Test
    void databaseFileIsOwnerOnly() throws Exception {
        Path file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 1, 100);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(file));
                assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(dir.resolve("q.db-wal")));
            }
        }
    }

    @Test
    void failingListenerNeverMakesACommittedWriteLookFailed() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            q.addListener(new QueueListener() {
                @Override
                public void summaryChanged(QueueSummary summary) {
                    throw new IllegalStateException("UI bug");
                }
            });
            String saleId = offlineDebit(q, 1, 1, 100);
            assertEquals("QUEUED", q.offlineDebit(saleId).orElseThrow().state());
        }
    }

    @Test
    void listenersHearSummariesAfterEachCommit() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            List<QueueSummary> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            q.addListener(new QueueListener() {
                @Override
                public void summaryChanged(QueueSummary summary) {
                    seen.add(summary);
                }
            });
            offlineDebit(q, 1, 1, 100);
            offlineDebit(q, 1, 2, 250);
            QueueSummary last = seen.get(seen.size() - 1);
            assertEquals(2, last.queuedDebits());
            assertEquals(350, last.queuedDebitFen());
        }
    }
}

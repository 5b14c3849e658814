package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.offlineDebit;
import static org.medcard.queue.QueueFixtures.offlineSale;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files and full disks give a clear error and stop writes; nothing is lost or mangled. */
class BadInputTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    @Test
    void fileThatIsNotADatabaseIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("q.db");
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        QueueStoreException e = assertThrows(QueueStoreException.class, () -> QueueFixtures.open(file, clock));
        assertEquals(QueueStoreException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("technician"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void damagedPagesAreFoundAtOpen() throws Exception {
        Path file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            for (int i = 1; i <= 200; i++) {
                offlineDebit(q, i, 1, 100);
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            Arrays.fill(junk, (byte) 0x55);
            raf.seek(4096L * 3);
            raf.write(junk);
        }
        QueueStoreException e = assertThrows(QueueStoreException.class, () -> QueueFixtures.open(file, clock));
        assertEquals(QueueStoreException.Reason.CORRUPT, e.reason());
    }

    @Test
    void fullDiskStopsWritesAndKeepsEveryAcknowledgedSale() {
        Path file = dir.resolve("q.db");
        List<String> acknowledged = new ArrayList<>();
        QueueSettings small = QueueFixtures.roomySettings().withMaxDatabaseBytes(96 * 1024);
        try (OfflineQueue q = OfflineQueue.open(file, small, QueueFixtures.key(), clock)) {
            QueueStoreException full = null;
            for (int i = 1; i <= 5000 && full == null; i++) {
                try {
                    acknowledged.add(offlineDebit(q, i, 1, 100));
                } catch (QueueStoreException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the size bound was never reached");
            assertEquals(QueueStoreException.Reason.DISK_FULL, full.reason());
            QueueStoreException later = assertThrows(QueueStoreException.class, () -> q.beginSale(offlineSale(1, 2, 1)));
            assertEquals(QueueStoreException.Reason.WRITES_STOPPED, later.reason());
            assertTrue(q.summary().writesStopped());
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) { // room again (e.g. disk cleaned)
            assertTrue(q.tamperReport().clean(), q.tamperReport().findings().toString());
            for (String saleId : acknowledged) {
                assertEquals("QUEUED", q.offlineDebit(saleId).orElseThrow().state());
            }
            assertEquals(acknowledged.size(), q.summary().queuedDebits());
        }
    }

    @Test
    void fileLockedByAnotherProgramGivesAClearErrorAfterTheBusyTimeout() throws Exception {
        Path file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 1, 100);
        }
        QueueSettings quick = QueueFixtures.roomySettings().withBusyTimeout(Duration.ofMillis(200));
        try (Connection other = QueueFixtures.raw(file); Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            st.executeUpdate("CREATE TABLE other_program (x)");
            try (OfflineQueue q = OfflineQueue.open(file, quick, QueueFixtures.key(), clock)) {
                QueueStoreException e = assertThrows(QueueStoreException.class, () -> offlineDebit(q, 1, 2, 100));
                assertEquals(QueueStoreException.Reason.LOCKED, e.reason());
                assertTrue(e.getMessage().contains("another program"), e.getMessage());
            } catch (QueueStoreException atOpen) {
                assertEquals(QueueStoreException.Reason.LOCKED, atOpen.reason());
            }
            st.execute("ROLLBACK");
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 2, 100); // lock gone: works again
        }
    }

    @Test
    void secondOpenOfTheSameQueueIsRefused() {
        Path file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            QueueStoreException e = assertThrows(QueueStoreException.class, () -> QueueFixtures.open(file, clock));
            assertEquals(QueueStoreException.Reason.LOCKED, e.reason());
            offlineDebit(q, 1, 1, 100);
        }
    }

    @Test
    void recordThatCannotBeParsedStopsWritesButStaysReadable() throws Exception {
        Path file = dir.resolve("q.db");
        String saleId;
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            offlineDebit(q, 1, 1, 100);
            saleId = q.beginSale(offlineSale(2, 1, 100)).saleId();
        }
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER journal_no_update");
            st.executeUpdate("UPDATE journal SET payload = '{\"mode\":' WHERE sale_id = '" + saleId + "'");
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            QueueStoreException e = assertThrows(QueueStoreException.class, q::unfinishedSales);
            assertEquals(QueueStoreException.Reason.UNPARSEABLE_RECORD, e.reason());
            assertTrue(e.getMessage().contains(saleId), e.getMessage());
            assertEquals(QueueStoreException.Reason.WRITES_STOPPED,
                    assertThrows(QueueStoreException.class, () -> q.beginSale(offlineSale(3, 1, 100))).reason());
            QueueSummary s = q.summary();
            assertTrue(s.writesStopped());
            assertEquals(1, s.queuedDebits());
            assertTrue(q.forwardingBlocked()); // the edit also breaks the chain
        }
    }
}

package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.PATIENT;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;
import static org.medcard.queue.QueueFixtures.offlineSale;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.card.IdNumber;

/** A technician moves a queue from a broken PC to a new one. */
class ExportImportTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");
    Path oldPc;
    Path export;
    Path newPc;

    @BeforeEach
    void aQueueOnTheOldPc() {
        oldPc = dir.resolve("old.db");
        export = dir.resolve("queue.jsonl");
        newPc = dir.resolve("new.db");
        try (OfflineQueue q = QueueFixtures.open(oldPc, clock)) {
            offlineDebit(q, 1, 1, 2500);
            offlineDebit(q, 2, 4, 1300);
            q.beginSale(offlineSale(3, 9, 700)); // unfinished
            q.recordCashPayment(new ResettlementRequest(Fault.NO_READER, PATIENT, "c1", QueueFixtures.ITEMS, 800, 800));
            q.recordAccepted(q.claimNext().orElseThrow().msgid(), "{\"registered\":true}");
        }
    }

    @Test
    void fullExportImportsOnANewPcWithEverythingAndTheChainVerified() {
        List<JournalEntry> before;
        QueueSummary summaryBefore;
        try (OfflineQueue q = QueueFixtures.open(oldPc, clock)) {
            assertTrue(q.export(export, ExportMode.FULL).clean());
            before = q.journal(0, 10_000);
            summaryBefore = q.summary();
        }
        try (OfflineQueue q = OfflineQueue.importFrom(export, newPc, QueueFixtures.roomySettings(), QueueFixtures.key(), clock)) {
            assertTrue(q.tamperReport().clean(), q.tamperReport().findings().toString());
            List<JournalEntry> after = q.journal(0, 10_000);
            assertEquals(before, after.subList(0, before.size()));
            assertEquals("QUEUE_IMPORTED", after.get(after.size() - 1).kind());
            assertEquals(summaryBefore, q.summary());
            assertEquals(1, q.unfinishedSales().size());
            assertEquals(4, q.beginSale(offlineSale(4, 1, 100)).terminalSeq()); // the sequence carries on
            assertEquals("8301", q.claimNext().orElseThrow().transaction());
        }
    }

    @Test
    void maskedExportHidesCardAndIdNumbersAndCannotBeImported() throws Exception {
        try (OfflineQueue q = QueueFixtures.open(oldPc, clock)) {
            q.export(export, ExportMode.MASKED);
        }
        String text = Files.readString(export);
        assertFalse(text.contains(card(1)));
        assertFalse(text.contains(PATIENT));
        assertTrue(text.contains(IdNumber.mask(card(1))));
        assertTrue(text.contains(IdNumber.mask(PATIENT)));
        QueueStoreException e = assertThrows(QueueStoreException.class, this::importIt);
        assertEquals(QueueStoreException.Reason.IMPORT_REJECTED, e.reason());
        assertFalse(Files.exists(newPc));
    }

    @Test
    void editedExportLineBreaksTheChainAndNothingIsImported() throws Exception {
        exportFull();
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        int i = indexOf(lines, "\"type\":\"offline_debit\"");
        lines.set(i, lines.get(i).replace("\"amount\":2500", "\"amount\":250"));
        Files.write(export, lines, StandardCharsets.UTF_8);
        QueueStoreException e = assertThrows(QueueStoreException.class, this::importIt);
        assertEquals(QueueStoreException.Reason.IMPORT_REJECTED, e.reason());
        assertTrue(e.getMessage().contains("does not match its HMAC"), e.getMessage());
        assertFalse(Files.exists(newPc));
    }

    @Test
    void truncatedExportIsRefused() throws Exception {
        exportFull();
        List<String> lines = Files.readAllLines(export);
        Files.write(export, lines.subList(0, lines.size() - 3), StandardCharsets.UTF_8);
        assertTrue(assertThrows(QueueStoreException.class, this::importIt).getMessage().contains("incomplete"));
        assertFalse(Files.exists(newPc));
    }

    @Test
    void lineThatCannotBeParsedIsRefusedWithItsNumber() throws Exception {
        exportFull();
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(3, lines.get(3).substring(0, 20));
        Files.write(export, lines, StandardCharsets.UTF_8);
        QueueStoreException e = assertThrows(QueueStoreException.class, this::importIt);
        assertTrue(e.getMessage().contains("line 4 is not valid JSON"), e.getMessage());
        assertFalse(Files.exists(newPc));
    }

    @Test
    void exportForAnotherTerminalIsRefused() {
        exportFull();
        QueueSettings other = QueueSettings.of(new TerminalIdentity("P11010100001", 2, "0000000000A2"));
        QueueStoreException e = assertThrows(QueueStoreException.class,
                () -> OfflineQueue.importFrom(export, newPc, other, QueueFixtures.key(), clock));
        assertTrue(e.getMessage().contains("another terminal"), e.getMessage());
    }

    @Test
    void importRefusesToOverwriteAnExistingQueue() {
        exportFull();
        QueueStoreException e = assertThrows(QueueStoreException.class,
                () -> OfflineQueue.importFrom(export, oldPc, QueueFixtures.roomySettings(), QueueFixtures.key(), clock));
        assertEquals(QueueStoreException.Reason.IMPORT_REJECTED, e.reason());
    }

    @Test
    void exportOfATamperedQueueCarriesTheFindings() throws Exception {
        try (var c = QueueFixtures.raw(oldPc); var st = c.createStatement()) {
            st.executeUpdate("UPDATE offline_debit SET amount = 1 WHERE card_no = '" + card(1) + "'");
        }
        try (OfflineQueue q = QueueFixtures.open(oldPc, clock)) {
            TamperReport r = q.export(export, ExportMode.FULL);
            assertEquals(1, r.findings().size());
        }
        assertTrue(Files.readAllLines(export).get(0).contains("does not match its HMAC"));
    }

    private void exportFull() {
        try (OfflineQueue q = QueueFixtures.open(oldPc, clock)) {
            q.export(export, ExportMode.FULL);
        }
    }

    private void importIt() {
        OfflineQueue.importFrom(export, newPc, QueueFixtures.roomySettings(), QueueFixtures.key(), clock).close();
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + marker);
    }
}

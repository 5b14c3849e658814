package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.offlineDebit;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, case 1: what was queued for one center is never handed to another. The outbox and the offline debits
 * record the center they were queued for (schema v4); a queue opened for another center (a training start on a
 * production folder: the embedded center) holds them and says so.
 */
class CenterOfQueuedWorkTest {
    private static final String REAL = "http://127.0.0.1:18300";
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    private OfflineQueue open(Path file, String center) {
        return OfflineQueue.open(file, QueueFixtures.roomySettings().withCenter(center), QueueFixtures.key(), clock);
    }

    @Test
    void messagesAndDebitsQueuedForTheRealCenter_areHeldFromTheEmbeddedOne_andSentToTheRealOne() throws Exception {
        Path file = dir.resolve("queue.db");
        String msgid;
        try (OfflineQueue q = open(file, REAL)) {
            offlineDebit(q, 1, 7, 1_250);
            msgid = q.queueMessage("2601", null, "{\"x\":1}").msgid();
        }
        try (var c = QueueFixtures.raw(file)) {
            assertEquals(REAL, SqliteStore.query(c, "SELECT center FROM outbox WHERE msgid = ?", msgid).get(0).get("center"));
            assertEquals(REAL, SqliteStore.query(c, "SELECT center FROM offline_debit").get(0).get("center"));
        }
        try (OfflineQueue q = open(file, "embedded")) {
            assertTrue(q.claimNext().isEmpty(), "nothing queued for the real center goes to the embedded one");
            assertTrue(q.claim(msgid).isEmpty());
            assertEquals(2, q.heldForOtherCenters());
            assertEquals(1, q.summary().queuedDebits(), "still queued, untouched");
            assertTrue(q.verify().clean());
        }
        try (OfflineQueue q = open(file, REAL)) {
            assertEquals(0, q.heldForOtherCenters());
            assertEquals(msgid, q.claimNext().orElseThrow().msgid(), "the real center gets it, in order");
        }
    }

    @Test
    void anOfflineDebitBatch_isBuiltOnlyFromTheCurrentCentersDebits() throws Exception {
        Path file = dir.resolve("queue.db");
        try (OfflineQueue q = open(file, REAL)) {
            offlineDebit(q, 1, 7, 1_250);
        }
        String mine;
        try (OfflineQueue q = open(file, "embedded")) {
            mine = offlineDebit(q, 2, 3, 500);
            OutboxMessage batch = q.claimNext().orElseThrow();
            assertEquals("8301", batch.transaction());
            assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(batch.inputJson()).get("records").size(),
                    batch.inputJson());
            assertEquals("BATCHED", q.offlineDebit(mine).orElseThrow().state());
            assertEquals(1, q.heldForOtherCenters(), "the real center's debit stays QUEUED");
        }
    }

    @Test
    void rowsQueuedBeforeTheCenterWasRecorded_goToAnyCenter() throws Exception {
        Path file = dir.resolve("queue.db");
        String msgid;
        try (OfflineQueue q = OfflineQueue.open(file, QueueFixtures.roomySettings(), QueueFixtures.key(), clock)) {
            msgid = q.queueMessage("2601", null, "{\"x\":1}").msgid();
        }
        try (OfflineQueue q = open(file, "embedded")) {
            assertEquals(msgid, q.claimNext().orElseThrow().msgid());
        }
    }
}

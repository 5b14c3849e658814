package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;
import static org.medcard.queue.QueueFixtures.offlineSale;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R11 case 1 limits, with the defaults of business-rules.md unless a test says otherwise. */
class OfflineLimitsTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:00:00Z");

    OfflineQueue open(OfflineLimits limits) {
        return OfflineQueue.open(dir.resolve("q.db"), QueueFixtures.settings().withLimits(limits), QueueFixtures.key(), clock);
    }

    @Test
    void R11_perSaleLimitAllowsExactly500AndRefusesMore() {
        try (OfflineQueue q = open(OfflineLimits.defaults())) {
            assertTrue(q.checkOfflineDebit(card(1), 50_000).allowed());
            LimitDecision d = q.checkOfflineDebit(card(1), 50_001);
            assertEquals(LimitDecision.Reason.PER_SALE, d.reason());
            assertTrue(d.message().contains("500.01") && d.message().contains("500.00"), d.message());
        }
    }

    @Test
    void R11_perCardPerDayLimitCountsTodaysOfflineDebitsOfThatCardOnly() {
        try (OfflineQueue q = open(OfflineLimits.defaults())) {
            offlineDebit(q, 1, 1, 50_000);
            offlineDebit(q, 1, 2, 40_000);
            assertTrue(q.checkOfflineDebit(card(1), 10_000).allowed());
            assertEquals(LimitDecision.Reason.PER_CARD_PER_DAY, q.checkOfflineDebit(card(1), 10_001).reason());
            assertTrue(q.checkOfflineDebit(card(2), 50_000).allowed());
            clock.advance(Duration.ofHours(14)); // past local midnight in Shanghai: a new day
            assertTrue(q.checkOfflineDebit(card(1), 50_000).allowed());
        }
    }

    @Test
    void R11_terminalTotalNotForwardedLimit() {
        try (OfflineQueue q = open(new OfflineLimits(OfflineMode.STORE_AND_FORWARD, 50_000, 100_000, 120_000,
                Duration.ofHours(72)))) {
            offlineDebit(q, 1, 1, 50_000);
            offlineDebit(q, 2, 1, 50_000);
            assertTrue(q.checkOfflineDebit(card(3), 20_000).allowed());
            LimitDecision d = q.checkOfflineDebit(card(3), 20_001);
            assertEquals(LimitDecision.Reason.TERMINAL_TOTAL, d.reason());
            assertTrue(d.message().contains("1000.00"), d.message());
        }
    }

    @Test
    void R11_oldestRecordNotForwardedLimit() {
        try (OfflineQueue q = open(OfflineLimits.defaults())) {
            offlineDebit(q, 1, 1, 100);
            clock.advance(Duration.ofHours(72));
            assertTrue(q.checkOfflineDebit(card(2), 100).allowed());
            clock.advance(Duration.ofSeconds(1));
            LimitDecision d = q.checkOfflineDebit(card(2), 100);
            assertEquals(LimitDecision.Reason.OLDEST_RECORD_AGE, d.reason());
            assertEquals(Duration.ofHours(72).plusSeconds(1), q.summary().oldestQueuedAge());
        }
    }

    @Test
    void R11_cashResettleModeRefusesEveryOfflineDebit() {
        try (OfflineQueue q = open(new OfflineLimits(OfflineMode.CASH_RESETTLE, 50_000, 100_000, 2_000_000,
                Duration.ofHours(72)))) {
            LimitDecision d = q.checkOfflineDebit(card(1), 1);
            assertFalse(d.allowed());
            assertEquals(LimitDecision.Reason.MODE_CASH_RESETTLE, d.reason());
        }
    }

    @Test
    void R11_offlineSalePastALimitIsRefusedBeforeAnythingIsWritten() {
        try (OfflineQueue q = open(OfflineLimits.defaults())) {
            long before = q.journal(0, 1000).size();
            OfflineLimitRefused e = assertThrows(OfflineLimitRefused.class, () -> q.beginSale(offlineSale(1, 1, 50_001)));
            assertEquals(LimitDecision.Reason.PER_SALE, e.decision().reason());
            assertEquals(before, q.journal(0, 1000).size());
            assertTrue(q.unfinishedSales().isEmpty());
        }
    }

    @Test
    void R11_rejectedDebitsDoNotCountTowardsTheCardsDay() {
        try (OfflineQueue q = open(OfflineLimits.defaults())) {
            offlineDebit(q, 1, 1, 50_000);
            offlineDebit(q, 1, 2, 50_000);
            assertFalse(q.checkOfflineDebit(card(1), 1).allowed());
            OutboxMessage batch = q.claimNext().orElseThrow();
            q.recordAccepted(batch.msgid(), "{\"results\":[{\"status\":\"REJECTED\",\"reason\":\"TAC_INVALID\"},"
                    + "{\"status\":\"REJECTED\",\"reason\":\"TAC_INVALID\"}]}");
            assertTrue(q.checkOfflineDebit(card(1), 50_000).allowed());
        }
    }
}

package org.medcard.terminal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.store.TerminalDb;

/** The periodic 8101 refresh: due by the injected clock, driven by an injected scheduler, kept on failure. */
class BlacklistRefreshTest {
    private static final String LOST_CARD = "11010020261122000033";

    @TempDir
    Path dir;

    private TerminalDb db;
    private Downloads downloads;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> asked = new LinkedBlockingQueue<>();
    private final List<String> faults = new ArrayList<>();
    private HostApi center;

    @BeforeEach
    void open() {
        db = TerminalDb.open(dir.resolve("terminal.db"));
        downloads = new Downloads(db, clock);
        center = new HostApi((message, msgid) -> {
            asked.add(message.transaction() + " " + message.input());
            String a = answers.poll();
            return a == null ? new CenterAnswer.NoAnswer("connection refused") : new CenterAnswer.Accepted(a);
        }, () -> "P11010100001202611231000000100001");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BlacklistRefresh refresh(Optional<HostApi> api) {
        return new BlacklistRefresh(downloads, () -> api, clock, Duration.ofMinutes(30), Duration.ofMinutes(5), faults::add);
    }

    @Test
    void R8_blacklistIsRefreshedEveryIntervalByTheClock_andTheLastDownloadIsUsedWhenTheCenterIsDown() {
        BlacklistRefresh r = refresh(Optional.of(center));
        r.synced();
        clock.advance(Duration.ofMinutes(29));
        assertFalse(r.refreshIfDue(), "not due yet");
        assertTrue(asked.isEmpty());

        clock.advance(Duration.ofMinutes(1));
        answers.add("{\"version\":7,\"entries\":[{\"card_no\":\"" + LOST_CARD + "\",\"psn_status\":\"LOST\",\"since\":\"2026-11-23\"}]}");
        assertTrue(r.refreshIfDue());
        assertTrue(asked.poll().startsWith("8101 "), "asks 8101");
        assertEquals("LOST", downloads.blacklisted(LOST_CARD).orElseThrow().psnStatus(), "a card reported lost after start is known");
        assertEquals(clock.instant(), r.lastSync().orElseThrow());

        clock.advance(Duration.ofMinutes(30));
        assertFalse(r.refreshIfDue(), "center down");
        assertEquals(1, faults.size());
        assertTrue(faults.get(0).contains("blacklist refresh failed"), faults.get(0));
        assertEquals("LOST", downloads.blacklisted(LOST_CARD).orElseThrow().psnStatus(), "used offline: the last download stays");
        assertEquals(7, downloads.blacklistVersion());

        asked.clear();
        clock.advance(Duration.ofMinutes(4));
        assertFalse(r.refreshIfDue());
        assertTrue(asked.isEmpty(), "the retry waits 5 minutes");
        clock.advance(Duration.ofMinutes(1));
        answers.add("{\"version\":8,\"entries\":[{\"card_no\":\"" + LOST_CARD + "\",\"psn_status\":\"NORMAL\"}]}");
        assertTrue(r.refreshIfDue(), "retried after 5 minutes");
        assertTrue(asked.poll().contains("\"since_version\":7"), "asks only for the changes");
        assertEquals(Optional.empty(), downloads.blacklisted(LOST_CARD), "found again: removed");
    }

    @Test
    void offlineNothingIsAsked() {
        BlacklistRefresh r = refresh(Optional.empty());
        assertFalse(r.refreshIfDue());
        assertTrue(asked.isEmpty());
        assertTrue(r.lastSync().isEmpty());
    }

    @Test
    void theInjectedSchedulerRunsTheRefreshOnItsThread() throws Exception {
        BlacklistRefresh r = refresh(Optional.of(center));
        r.synced();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            r.schedule(scheduler, Duration.ofMillis(5));
            answers.add("{\"version\":9,\"entries\":[{\"card_no\":\"" + LOST_CARD + "\",\"psn_status\":\"FROZEN\"}]}");
            assertNull(asked.poll(100, TimeUnit.MILLISECONDS), "not due: the scheduler only checks");
            clock.advance(Duration.ofMinutes(30));
            String first = asked.poll(10, TimeUnit.SECONDS);
            assertTrue(first != null && first.startsWith("8101 "), "the scheduled check refreshed once due: " + first);
        } finally {
            // shutdown() lets the running check finish (its transaction commits) and cancels the later ones.
            scheduler.shutdown();
            assertTrue(scheduler.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals("FROZEN", downloads.blacklisted(LOST_CARD).orElseThrow().psnStatus());
        assertEquals(9, downloads.blacklistVersion());
    }

    /** A clock the test moves; read from the scheduler's thread too. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(8);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

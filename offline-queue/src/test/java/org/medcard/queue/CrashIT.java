package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random points: a child JVM writes sales; after each SIGKILL the queue is reopened and every
 * acknowledged entry must be there exactly once, with the HMAC chain verified.
 */
class CrashIT {
    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS) // typically 30-50 s here; a hard bound, not a timing assertion
    void killedMidWriteTwentyTimes_everyAcknowledgedEntryPresentExactlyOnce_chainVerifies() throws Exception {
        Path file = dir.resolve("crash.db");
        Random random = new Random(20261123L);
        List<String> acked = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        long started = System.nanoTime();
        int unfinishedKills = 0;
        for (int run = 0; run < KILLS; run++) {
            List<String> lines = runAndKill(file, 1 + run * 1000, 30 + random.nextInt(300));
            lines.stream().filter(l -> l.startsWith("ACK ")).map(l -> l.substring(4)).forEach(acked::add);
            lines.stream().filter(l -> l.startsWith("ENTRY ")).map(l -> l.substring(6)).forEach(entries::add);
            String last = lines.get(lines.size() - 1);
            unfinishedKills += last.startsWith("BEGUN ") ? 1 : 0;
            checkAfterRestart(file, acked, entries);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("CrashIT: %d SIGKILLs, %d acknowledged sales, %d entries, %d kills between intent and"
                + " card answer, %d s%n", KILLS, acked.size(), entries.size(), unfinishedKills, seconds);
        assertTrue(acked.size() > KILLS, "the child wrote too little to test anything: " + acked.size());
    }

    /** Starts the child, waits until it is writing, lets it write for a random time, kills it with SIGKILL. */
    private List<String> runAndKill(Path file, int first, int writeMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and serial GC: the child starts in about half the time, which keeps 20 runs short
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), file.toString(), Integer.toString(first))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(p, lines));
        reader.start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!lines.contains("READY") && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(lines.contains("READY"), "child did not start: " + lines);
        Thread.sleep(writeMs);
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        reader.join(10_000);
        return lines;
    }

    private static void readLines(Process p, List<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed
        }
    }

    private static void checkAfterRestart(Path file, List<String> acked, List<String> entries) throws SQLException {
        try (OfflineQueue q = QueueFixtures.open(file, Clock.systemDefaultZone())) {
            assertTrue(q.tamperReport().clean(), q.tamperReport().findings().toString());
            assertTrue(q.messages(OutboxState.SENDING).isEmpty(), "SENDING left after recovery");
            for (String entry : entries) {
                assertTrue(q.resettlement(entry).isPresent(), "lost entry " + entry);
            }
        }
        try (Connection c = QueueFixtures.raw(file)) {
            for (String saleId : acked) {
                assertEquals(1, count(c, "SELECT COUNT(*) FROM journal WHERE kind = 'CARD_DEBITED' AND sale_id = '"
                        + saleId + "'"), "TAC line of " + saleId);
                assertEquals(1, count(c, "SELECT COUNT(*) FROM offline_debit WHERE sale_id = '" + saleId + "'"),
                        "debit of " + saleId);
            }
            assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT sale_id FROM journal WHERE kind = 'CARD_DEBITED'"
                    + " GROUP BY sale_id HAVING COUNT(*) > 1)"), "a sale debited twice");
            assertEquals(count(c, "SELECT COUNT(*) FROM journal WHERE kind = 'CARD_DEBITED'"),
                    count(c, "SELECT COUNT(*) FROM offline_debit"), "every TAC has its debit row and no more");
            assertEquals(count(c, "SELECT COUNT(*) FROM journal WHERE kind = 'RESETTLEMENT_OPENED'"),
                    count(c, "SELECT COUNT(*) FROM resettlement"));
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }
}

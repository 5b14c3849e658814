package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the automatic reversal of a settlement rejected after a card debit survives a SIGKILL between its
 * send and its answer: after the restart the same 2601 (same msgid) is resent, never a second one, and its answer
 * leaves the refund pending for the card.
 */
class RejectedReversalCrashIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rejectedAfterDebit_killedWhileTheReversalIsSent_sameReversalResentAfterRestart_refundPendingOnce() throws Exception {
        Path file = dir.resolve("q.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), RejectedReversalCrashChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
                if (l.startsWith("SENDING ")) {
                    p.destroyForcibly(); // SIGKILL: no close, no shutdown hook
                    break;
                }
            }
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(2, lines.size(), lines.toString());
        String settle = lines.get(0).substring("REJECTED ".length());
        String reversal = lines.get(1).substring("SENDING ".length());

        try (OfflineQueue q = QueueFixtures.open(file, Clock.systemDefaultZone())) {
            assertTrue(q.tamperReport().clean(), q.tamperReport().findings().toString());
            assertEquals(OutboxState.UNKNOWN, q.message(reversal).orElseThrow().state(), "found SENDING: resent, not forgotten");
            assertEquals(RejectedMessage.Resolution.REVERSAL_QUEUED, q.rejectedMessage(settle).orElseThrow().resolution());
            OutboxMessage again = q.claimNext().orElseThrow();
            assertEquals(reversal, again.msgid(), "the same 2601, same msgid: the center answers it once");
            q.recordAccepted(again.msgid(), "{\"reversed\":true,\"refund_acct\":486,\"load_id\":\"RFD000001\"}");
        }
        try (OfflineQueue q = QueueFixtures.open(file, Clock.systemDefaultZone())) {
            assertTrue(q.verify().clean(), q.verify().findings().toString());
            assertEquals(RejectedMessage.Resolution.REFUND_PENDING, q.rejectedMessage(settle).orElseThrow().resolution());
            assertEquals(1, q.messages(OutboxState.DONE).stream().filter(m -> m.transaction().equals("2601")).count(), "one reversal");
            assertTrue(q.claimNext().isEmpty());
        }
    }
}

package org.medcard.queue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The child JVM of {@link RejectedReversalCrashIT}: a settlement with a card debit is rejected, the automatic
 * 2601 is claimed (SENDING), then the child waits to be killed with SIGKILL before any answer is recorded.
 */
public final class RejectedReversalCrashChild {
    private RejectedReversalCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (OfflineQueue q = QueueFixtures.open(Path.of(args[0]), Clock.systemDefaultZone())) {
            OutboxMessage settle = q.queueMessage("2102", QueueFixtures.card(7), RejectedMessagesTest.settleWithDebit());
            q.claimNext().orElseThrow();
            q.recordRefused(settle.msgid(), 2005, "refused after the debit");
            out.println("REJECTED " + settle.msgid());
            OutboxMessage reversal = q.claimNext().orElseThrow();
            out.println("SENDING " + reversal.msgid());
            Thread.sleep(60_000); // killed here: the 2601 may or may not have reached the center
        }
    }
}

package org.medcard.queue;

import java.time.Duration;

/**
 * What the UI shows about the queue.
 *
 * @param queuedDebits       offline debits not yet accepted or rejected by the center
 * @param queuedDebitFen     their total
 * @param oldestQueuedAge    age of the oldest of them (zero when none)
 * @param pendingMessages    outbox messages waiting (pending or unknown), not counting 8301 debits
 * @param unknownMessages    of which sent without an answer
 * @param rejectedMessages   outbox messages the center rejected that a supervisor must still handle
 *                           ({@link RejectedMessage.Resolution#needsSupervisor()})
 * @param openResettlements  re-settlement entries still OPEN
 * @param unfinishedSales    sales begun but with no card answer recorded (need GET TRANSACTION PROVE)
 * @param forwardingBlocked  tamper evidence found and not acknowledged by a supervisor
 * @param writesStopped      a storage failure stopped writes
 */
public record QueueSummary(long queuedDebits, long queuedDebitFen, Duration oldestQueuedAge, long pendingMessages,
                           long unknownMessages, long rejectedMessages, long openResettlements,
                           long unfinishedSales, boolean forwardingBlocked, boolean writesStopped) {
}

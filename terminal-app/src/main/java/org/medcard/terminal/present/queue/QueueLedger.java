package org.medcard.terminal.present.queue;

import org.medcard.queue.QueueSummary;

/** The queue screen's view of the offline queue: its counts, what still waits, and the expiry of old entries. */
public interface QueueLedger {

    /** The queue's figures (records, amount, oldest age, open entries, what stops forwarding). */
    QueueSummary summary();

    /** Messages still to send: pending and unanswered (an 8301 batch counts once, however many records it carries). */
    int waiting();

    /** Marks the re-settlement entries older than {@code resettle.max_days} EXPIRED (after a forward). */
    void expireResettlements();
}

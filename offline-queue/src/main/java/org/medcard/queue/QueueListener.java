package org.medcard.queue;

/**
 * Receives queue events for the UI. Called on the thread that made the change, after its commit; an
 * implementation hands the event to its own UI thread and returns at once.
 */
public interface QueueListener {
    /** The counts changed. */
    default void summaryChanged(QueueSummary summary) {
    }

    /** A send to the center finished (answered or not). */
    default void forwarded(ForwardResult result) {
    }

    /** Tamper evidence was found (on open or on export). */
    default void tamperDetected(TamperReport report) {
    }
}

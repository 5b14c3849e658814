package org.medcard.terminal.present.queue;

import java.util.Optional;

import org.medcard.queue.QueueSummary;

/**
 * The queue's counts for the screen, with the lines the cashier reads.
 *
 * @param summary     the queue's own counts
 * @param waitingLine "3 offline records, 48.60 yuan, oldest 2 h 5 min"
 * @param entriesLine "1 re-settlement entry open"
 * @param warning     what stops forwarding (tamper evidence, storage stopped, rejected messages), empty when nothing does
 */
public record QueueFigures(QueueSummary summary, String waitingLine, String entriesLine, Optional<String> warning) {

    /** Whether anything still waits to reach the center. */
    public boolean anythingWaiting() {
        return summary.queuedDebits() > 0 || summary.pendingMessages() > 0;
    }
}

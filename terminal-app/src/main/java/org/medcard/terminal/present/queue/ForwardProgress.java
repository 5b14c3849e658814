package org.medcard.terminal.present.queue;

/**
 * Where "forward now" is: {@code sent} of about {@code total} messages (total can grow when an answer queues
 * more), and a line for the cashier. {@code finished} once the drain stopped; {@code reachedCenter} false when
 * the center did not answer (what waits stays queued and is retried).
 */
public record ForwardProgress(int sent, int total, boolean finished, boolean reachedCenter, String line) {
}

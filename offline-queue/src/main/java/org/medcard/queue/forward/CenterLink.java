package org.medcard.queue.forward;

import org.medcard.queue.EncodedMessage;

/**
 * How the queue reaches the settlement center: the terminal's link frames a stored message in the center's envelope,
 * sends it and says what the answer means ({@link CenterAnswer}). Implementations never throw for link failures: they
 * return {@link CenterAnswer.NoAnswer}. Called from the forwarder's sending thread, one call at a time (and by the
 * terminal for queries that are not queued).
 */
public interface CenterLink {
    /**
     * Sends one message.
     *
     * @param message the message as the terminal's codec encoded it (stored unread by the queue)
     * @param msgid   the stored idempotency key
     */
    CenterAnswer send(EncodedMessage message, String msgid);
}

package org.medcard.queue.forward;

/**
 * How the queue reaches the settlement center. Implementations never throw for link failures: they return
 * {@link CenterAnswer.NoAnswer}. Called only from the forwarder's sending thread, one call at a time.
 */
public interface CenterLink {
    /**
     * Sends one request.
     *
     * @param infno     transaction code
     * @param msgid     the stored idempotency key
     * @param inputJson the envelope's {@code input}
     */
    CenterAnswer send(String infno, String msgid, String inputJson);
}

package org.medcard.queue.forward;

/** What came back from one send: an answer from the center, or none. */
public sealed interface CenterAnswer {
    /**
     * The center answered (any infcode, including refusals).
     *
     * @param infcode    0 for success
     * @param errMsg     the center's message, or null
     * @param outputJson the envelope's {@code output} as JSON text ({@code {}} when absent)
     */
    record Answered(long infcode, String errMsg, String outputJson) implements CenterAnswer {
    }

    /**
     * No answer: timeout, connection refused, HTTP 5xx, connection dropped. The center may or may not have
     * acted on the request; the same msgid must be sent again.
     */
    record NoAnswer(String reason) implements CenterAnswer {
    }
}

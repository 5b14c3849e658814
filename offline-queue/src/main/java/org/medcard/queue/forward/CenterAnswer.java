package org.medcard.queue.forward;

/**
 * What came back from one send, by what it means to the queue. The link that speaks the center's protocol decides
 * which of the four an answer is; the queue only acts on the meaning. The center's own codes travel as opaque
 * numbers ({@code code}): the queue records them for the supervisor and never reads them.
 */
public sealed interface CenterAnswer {
    /**
     * The center accepted the request (or answered a msgid it had already accepted the same way).
     *
     * @param output the answer's output as JSON text ({@code {}} when there was none)
     */
    record Accepted(String output) implements CenterAnswer {
    }

    /**
     * The center answered but did not act on the request and asks for it again with the same msgid (it is busy,
     * or the terminal must sign in first).
     *
     * @param code    the center's code, opaque
     * @param message the center's own words, or null
     */
    record Retry(long code, String message) implements CenterAnswer {
    }

    /**
     * The center said no: never resent with the same content.
     *
     * @param code    the center's code, opaque (a refusal the link made of an HTTP status has its own code)
     * @param message the center's own words, or null
     * @param output  what came with the refusal as JSON text ({@code {}} when nothing)
     */
    record Refused(long code, String message, String output) implements CenterAnswer {
    }

    /**
     * No answer: timeout, connection refused, HTTP 5xx, connection dropped, an answer that cannot be read or that
     * answers another msgid. The center may or may not have acted on the request; the same msgid must be sent again.
     */
    record NoAnswer(String reason) implements CenterAnswer {
    }
}

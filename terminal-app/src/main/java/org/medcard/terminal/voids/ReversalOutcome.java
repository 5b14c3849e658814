package org.medcard.terminal.voids;

import java.util.Objects;

/**
 * How a reversal ({@code 2601}) ended.
 *
 * @param msgid         the original settlement's msgid
 * @param reversalMsgid the 2601's own msgid
 */
public record ReversalOutcome(Kind kind, String msgid, String reversalMsgid, String messageKey, String message) {

    public enum Kind {
        /** The center undid it (or never had it): the original is REJECTED in the outbox, never resent. */
        REVERSED,
        /** The center did not reverse: the original goes back to being resent with its msgid. */
        NOT_REVERSED,
        /** The 2601 is unanswered; the queue resends it. */
        PENDING
    }

    public ReversalOutcome {
        Objects.requireNonNull(kind, "kind");
    }
}

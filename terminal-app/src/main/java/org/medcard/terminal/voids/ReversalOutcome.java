package org.medcard.terminal.voids;

import java.util.List;
import java.util.Objects;

/**
 * How a reversal ({@code 2601}) ended. Every kind has the same two msgids and nothing else, so one record with its
 * kind says it all (no figure is ever missing). The caller words it ({@link VoidTexts}).
 *
 * @param msgid         the original settlement's msgid
 * @param reversalMsgid the 2601's own msgid
 */
public record ReversalOutcome(Kind kind, String msgid, String reversalMsgid) {

    public enum Kind {
        /** The center undid it (or never had it): the original is REJECTED in the outbox, never resent. */
        REVERSED("reversal.reversed"),
        /** The center did not reverse: the original goes back to being resent with its msgid. */
        NOT_REVERSED("reversal.not_reversed"),
        /** The 2601 is unanswered; the queue resends it. */
        PENDING("reversal.pending");

        private final String messageKey;

        Kind(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    public ReversalOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(msgid, "msgid");
        Objects.requireNonNull(reversalMsgid, "reversalMsgid");
    }

    /** The message key for the operator ("message N reversed …"). */
    public String messageKey() {
        return kind.messageKey;
    }

    /** The message's arguments: the original msgid. */
    public List<Object> messageArgs() {
        return List.of(msgid);
    }
}

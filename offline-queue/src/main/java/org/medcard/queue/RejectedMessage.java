package org.medcard.queue;

import java.util.Objects;

/**
 * A message the center refused, with what was done about it. A supervisor lists these and resolves
 * the ones that still need someone ({@link Resolution#needsSupervisor()}).
 *
 * @param message      the rejected message, its reason and the center's code
 * @param resolution   what was done about it
 * @param note         the supervisor's note, or null
 * @param resolvedBy   who acted last ({@code terminal} for the automatic reversal), or null
 * @param resolvedAt   when, as stored ({@code LocalTimes.stamp}), or null
 * @param refundLoadId the pending load that returns the card debit (reversal answered), or null
 * @param resentAs     the msgid of the new message it was resent as, or null
 * @param cardDebitFen what the card was debited for this message (its purse record), 0 when none
 */
public record RejectedMessage(OutboxMessage message, Resolution resolution, String note, String resolvedBy,
                              String resolvedAt, String refundLoadId, String resentAs, long cardDebitFen) {

    /** What was done about a rejected message. */
    public enum Resolution {
        /** Nothing yet: a supervisor must decide. */
        NONE,
        /** A 2601 reversal is queued (automatically when the card had been debited). */
        REVERSAL_QUEUED,
        /** The center reversed it and returns the card debit as a pending load, credited when the card is next presented. */
        REFUND_PENDING,
        /** The refund load was credited to the card. */
        REFUND_CREDITED,
        /** The center reversed it; nothing was to be returned to the card. */
        REVERSED,
        /** The center did not reverse it: a supervisor must decide. */
        REVERSAL_REFUSED,
        /** A supervisor resent it as a new message ({@link RejectedMessage#resentAs()}). */
        RESENT,
        /** A supervisor marked it handled, with a note. */
        HANDLED;

        public boolean needsSupervisor() {
            return this == NONE || this == REVERSAL_REFUSED;
        }

        static Resolution of(String stored) {
            return stored == null ? NONE : valueOf(stored);
        }
    }

    public RejectedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(resolution, "resolution");
    }

    public String msgid() {
        return message.msgid();
    }
}

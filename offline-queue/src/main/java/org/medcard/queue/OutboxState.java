package org.medcard.queue;

/** Life of a message to the center. DONE and REJECTED are final. */
public enum OutboxState {
    /** Stored with its msgid, never sent. */
    PENDING,
    /** Being sent now (found after a crash, it becomes UNKNOWN). */
    SENDING,
    /** The center accepted it (or gave the same answer again for a duplicate msgid). */
    DONE,
    /** The center refused it; the reason is kept. */
    REJECTED,
    /** Sent, but no answer: resent with the same msgid, or reversed with 2601. */
    UNKNOWN;

    public boolean isFinal() {
        return this == DONE || this == REJECTED;
    }
}

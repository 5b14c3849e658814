/**
 * The terminal's durable offline queue (issue 5, business rule R11): the append-only journal of every
 * sale, the outbox of messages for the settlement center (each with its {@code msgid} fixed before the
 * first send), offline purse debits waiting for host {@code 8301}, and re-settlement entries for cash
 * paid during a fault. Everything lives in one SQLite file and every row is covered by a chained HMAC.
 *
 * <p>{@link org.medcard.queue.OfflineQueue} is the one entry point; the other public types are values
 * it takes or returns. The forwarder that drains the outbox lives in {@code org.medcard.queue.forward}.
 *
 * <p>Messages are stored as opaque {@link org.medcard.queue.EncodedMessage}s encoded by the terminal's codec; the
 * queue knows no transaction code. What it builds itself (an upload of offline debits, a re-settlement entry's
 * registration and settlement, a reversal) and what an answer changes in its tables, it asks the
 * {@link org.medcard.queue.WireFormat} it was opened with.
 */
package org.medcard.queue;

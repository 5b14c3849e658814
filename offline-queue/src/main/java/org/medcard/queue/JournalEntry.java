package org.medcard.queue;

import java.time.Instant;

/**
 * One journal line. The journal is append-only: a correction is a new entry, never an edit.
 *
 * @param seq      position in the chain, 1, 2, 3... without gaps
 * @param at       when it was written
 * @param kind     what happened, e.g. {@code SALE_INTENT}, {@code CARD_DEBITED}, {@code SETTLED}
 * @param entity   the table whose row this event changed ({@code outbox}, {@code offline_debit},
 *                 {@code resettlement}), or null for sale events
 * @param entityId that row's key (msgid, sale id, entry number)
 * @param saleId   the sale it concerns, or null
 * @param payload  JSON object with the details
 */
public record JournalEntry(long seq, Instant at, String kind, String entity, String entityId, String saleId,
                           String payload) {
}

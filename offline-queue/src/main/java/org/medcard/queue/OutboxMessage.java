package org.medcard.queue;

import java.time.Instant;

/**
 * A message for the center. Its msgid was generated and stored before the first send and never changes.
 *
 * @param id         FIFO position
 * @param msgid      the idempotency key (32 characters)
 * @param transaction the transaction code (the terminal's codec chose it; the queue never reads it)
 * @param cardKey    the card it concerns (per-card order), or null
 * @param saleId     the sale it settles, or null
 * @param entryNo    the re-settlement entry it registers or settles, or null
 * @param inputJson  the envelope's {@code input}
 * @param state      where it is
 * @param attempts   how many times it was sent
 * @param centerCode the center's code in its answer (opaque), once answered
 * @param resultJson the center's {@code output}, once answered
 * @param reason     why it is REJECTED or UNKNOWN
 */
public record OutboxMessage(long id, String msgid, String transaction, String cardKey, String saleId, String entryNo,
                            String inputJson, OutboxState state, long attempts, Instant createdAt,
                            Instant updatedAt, Long centerCode, String resultJson, String reason,
                            String reversalMsgid) {

    /** The message as it was queued: the terminal's codec decodes it ({@code HostCodec.decode}). */
    public EncodedMessage message() {
        return new EncodedMessage(transaction, inputJson);
    }
}

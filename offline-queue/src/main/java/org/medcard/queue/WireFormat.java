package org.medcard.queue;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The seam between the queue and the host protocol. The queue stores {@link EncodedMessage}s without reading them
 * and knows no transaction code; what it must build itself (the upload of offline debits, a re-settlement entry's
 * registration and settlement, a reversal) and what an answer changes in its own tables, it asks of this
 * interface, which the terminal implements with its codec ({@code org.medcard.terminal.center}).
 *
 * <p>Implementations are stateless and thread-safe; every method is called inside a queue transaction, so none
 * may do I/O. A malformed answer is reported with {@link IllegalArgumentException}; the queue then keeps the
 * message's state unchanged.
 */
public interface WireFormat {

    /** What the answer to a stored message means to the queue. */
    enum Role {
        /** Settles a sale online (may be reversed while its answer is unknown). */
        SALE_SETTLEMENT,
        /** Uploads a batch of offline debits; the answer has one result per record. */
        OFFLINE_UPLOAD,
        /** Registers a re-settlement entry with the center. */
        ENTRY_REGISTRATION,
        /** Settles a re-settlement entry (may be reversed while its answer is unknown). */
        ENTRY_SETTLEMENT,
        /** Undoes a settlement whose answer never came. */
        REVERSAL,
        /** Anything else: the queue only records the answer. */
        OTHER;

        /** Whether a message of this role may be undone by {@link #reversal} while unanswered. */
        public boolean reversible() {
            return this == SALE_SETTLEMENT || this == ENTRY_SETTLEMENT;
        }
    }

    /**
     * One record's result in an upload answer.
     *
     * @param cardNo         the record's card, or null when the center answers by position only
     * @param offlineCounter the record's card counter, or -1 when not named
     * @param status         what became of it; null when the center said nothing the queue understands
     * @param setlId         the settlement (ACCEPTED, DUPLICATE), or null
     * @param reason         why it was rejected, or null
     */
    record UploadResult(String cardNo, long offlineCounter, Status status, String setlId, String reason) {
        public enum Status { ACCEPTED, DUPLICATE, REJECTED }
    }

    /** What the center settled for a re-settlement entry, in fen. */
    record EntrySettlement(String setlId, long fundFen, long acctFen, long refundFen) {
    }

    /** The role of a stored message's transaction code. */
    Role roleOf(String transaction);

    /** The transaction code of the messages of {@code role} that the queue builds (an entry's settlement). */
    String transactionOf(Role role);

    /** The upload of these offline debit records (each a JSON object as the journal recorded it). */
    EncodedMessage offlineUpload(List<String> records);

    /** The registration of a new re-settlement entry. */
    EncodedMessage entryRegistration(ResettlementEntry entry);

    /** The settlement of an entry with {@code cardNo}, without a card debit. */
    EncodedMessage entrySettlement(ResettlementEntry entry, String cardNo);

    /** {@code settlement} with the card's debit record (a JSON object) added. */
    EncodedMessage withPurse(EncodedMessage settlement, String purseRecord);

    /** The reversal of {@code original} (a message whose role is {@link Role#reversible()}). */
    EncodedMessage reversal(OutboxMessage original);

    /** The msgid that a stored reversal message undoes. */
    String reversedMsgid(EncodedMessage reversal);

    /**
     * The reason the queue records when the center refuses a message or asks for it again: its code (opaque to the
     * queue) and its own words (may be null), worded as the terminal reads such reasons back.
     */
    String centerReason(long code, String message);

    /** The results of an upload answer ({@code output} JSON). */
    List<UploadResult> uploadResults(String output);

    /** The center's figures in an entry settlement's answer. */
    EntrySettlement entrySettled(String output);

    /** Whether a reversal's answer says the settlement was undone. */
    boolean reversed(String output);

    /**
     * Fen the card was debited for this settlement (the purse record it carries), 0 when it carries none. A
     * settlement the center rejects although the card was debited is reversed at once, so the center returns the
     * money to the card (R2). The default knows no purse: nothing is reversed automatically.
     */
    default long cardDebitFen(EncodedMessage settlement) {
        return 0;
    }

    /** The pending load named in a reversal's answer (the account share going back to the card), or null. */
    default String refundLoadId(String reversalOutput) {
        return null;
    }

    /**
     * The one implementation on the class path ({@code META-INF/services/org.medcard.queue.WireFormat}), for
     * {@link OfflineQueue#open(java.nio.file.Path, QueueSettings, byte[], java.time.Clock)} callers that do not
     * pass their own.
     */
    static WireFormat installed() {
        List<WireFormat> found = ServiceLoader.load(WireFormat.class).stream().map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one org.medcard.queue.WireFormat on the class path, found "
                    + found.size() + ": pass the terminal's to OfflineQueue.open");
        }
        return found.get(0);
    }
}

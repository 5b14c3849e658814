package org.medcard.queue;

/**
 * An offline purse debit waiting for, or answered by, host 8301.
 *
 * @param state      QUEUED (no batch yet), BATCHED (in the 8301 message {@code batchMsgid}), DONE (accepted or
 *                   duplicate: {@code setlId}), REJECTED ({@code reason}, e.g. TAC_INVALID)
 */
public record OfflineDebit(String saleId, String cardNo, int offlineCounter, long amountFen, String state,
                           String batchMsgid, String setlId, String reason) {
}

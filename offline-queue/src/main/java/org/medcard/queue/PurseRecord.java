package org.medcard.queue;

/**
 * What a card's purchase debit proves (host-protocol "The purse record"), as sent to the center.
 */
public record PurseRecord(String cardNo, int offlineCounter, long amount, int txType, String terminalId,
                          long terminalSeq, String txTime, String tac) {
    public PurseRecord {
        if (tac == null || !tac.matches("[0-9A-Fa-f]{8}")) {
            throw new IllegalArgumentException("TAC must be 8 hex digits");
        }
    }
}

package org.medcard.queue;

/**
 * What a card's purchase debit proves (host-protocol "The purse record"), as sent to the center.
 */
public record PurseRecord(String cardNo, int offlineCounter, long amount, int txType, String terminalId,
                          long terminalSeq, String txTime, String tac) {
    /** Compiled once: a record is built for every durable debit (String.matches compiles on each call). */
    private static final java.util.regex.Pattern TAC = java.util.regex.Pattern.compile("[0-9A-Fa-f]{8}");

    public PurseRecord {
        if (tac == null || !TAC.matcher(tac).matches()) {
            throw new IllegalArgumentException("TAC must be 8 hex digits");
        }
    }
}

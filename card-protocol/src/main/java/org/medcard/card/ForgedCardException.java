package org.medcard.card;

/**
 * Business rule R10: the card's proof of a debit (MAC2, or the TAC of a recovered debit) failed the
 * PSAM's check. The card is treated as forged: no sale, and the event is logged. This is neither a fault
 * (the card answered) nor an ordinary refusal (the card said yes, but cannot prove it).
 */
public class ForgedCardException extends RuntimeException {

    private final PendingDebit debit;

    public ForgedCardException(String message, PendingDebit debit) {
        super(message + " (card " + debit.intent().cardNo().masked() + ", counter " + debit.intent().offlineCounter()
                + ", terminal seq " + debit.terminalSeq() + ")");
        this.debit = debit;
    }

    /** The debit whose proof failed, for the security log. */
    public PendingDebit debit() {
        return debit;
    }
}

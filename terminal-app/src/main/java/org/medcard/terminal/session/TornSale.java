package org.medcard.terminal.session;

/** What tearing recovery found for one unfinished sale of the card in the slot (R10). */
public interface TornSale {

    /** The journal's sale id. */
    String saleId();

    /** Whether the card had debited (GET TRANSACTION PROVE gave its TAC). */
    boolean debited();

    /** The TAC of the debit, or null when not debited. */
    String tac();
}

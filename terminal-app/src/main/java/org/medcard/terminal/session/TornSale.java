package org.medcard.terminal.session;

import java.util.Optional;

/** What tearing recovery found for one unfinished sale of the card in the slot (R10). */
public interface TornSale {

    /** The journal's sale id. */
    String saleId();

    /** Whether the card had debited (GET TRANSACTION PROVE gave its TAC). */
    boolean debited();

    /** The TAC of the debit, empty when not debited. */
    Optional<String> tac();

    /**
     * Neither proven debited nor proven not debited (the card's proof and its log could not decide): a supervisor
     * settles it with the center, with the evidence in the audit log (issue 18, case 3).
     */
    boolean unresolved();

    /** What recovery says of the sale in words (for an unresolved one, what happens next). */
    String note();
}

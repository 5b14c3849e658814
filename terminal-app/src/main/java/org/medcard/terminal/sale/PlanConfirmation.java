package org.medcard.terminal.sale;

import java.util.Optional;

import org.medcard.terminal.session.CardView;

/**
 * Asked with the split (fund / personal account / cash) after pre-settlement and before the card is debited or
 * a cash entry recorded: the desktop app shows the split and the cashier confirms or goes back. Called on the
 * reader's worker thread; an implementation that asks a person blocks that thread until they answer.
 */
@FunctionalInterface
public interface PlanConfirmation {

    /** The CLI's behaviour: the split is printed afterwards, nothing is asked. */
    PlanConfirmation ALWAYS = (plan, view) -> true;

    /**
     * @param plan the split the sale is about to pay
     * @param card the card in the slot, empty when the sale fell to cash before the card could be read
     * @return true to go on, false to cancel the sale (nothing debited, nothing recorded)
     */
    boolean confirm(PaymentPlan plan, Optional<CardView> card);
}

package org.medcard.terminal.present.counter;

import java.util.List;
import java.util.Optional;

import org.medcard.terminal.center.CatalogItem;

/**
 * The pharmacy counter screen. Every method is called on the UI thread. The methods that return an answer
 * (a choice, the split confirmation, the PIN) may block the UI thread in a modal dialog; the model waits for
 * them on the worker, never the other way round.
 */
public interface CounterView {

    void showCart(List<CartLine> lines, long totalFen);

    void showCard(CardPanel card);

    /** A line for the cashier: an unknown code, "insert the card", what happens now. */
    void showMessage(String text, boolean problem);

    /** A sale or a card read is running on the worker: the view shows progress and ignores new input. */
    void busy(boolean busy, String what);

    /** Several items match: which one (empty: none, the cashier goes back to scanning). */
    Optional<CatalogItem> chooseItem(List<CatalogItem> matches);

    /** The split before the debit; with a cash share, the cash tendered. */
    SplitAnswer confirmSplit(SplitOffer offer);

    /**
     * The cardholder types the PIN (masked). The returned array is wiped by the sale after VERIFY PIN; null when
     * the cashier went back.
     */
    char[] askPin(String holderName, long debitFen);

    /**
     * The PIN again after a wrong one ({@code triesLeft} &gt; 0, shown to the patient; issue 15: the sale goes on
     * without a new split), or the first time ({@code triesLeft} = -1).
     */
    default char[] askPin(String holderName, long debitFen, int triesLeft) {
        return triesLeft > 0 ? null : askPin(holderName, debitFen);
    }

    /** The ID number from the patient's ID card, when the sale falls to cash during a fault (R11); empty: back. */
    Optional<String> askIdNumber(String reason);

    void saleDone(SaleDone done);

    /** After a served sale's {@link #saleDone}: the money lines a cashier reads out (issue 15). */
    default void showMoney(MoneyLines money) {
    }
}

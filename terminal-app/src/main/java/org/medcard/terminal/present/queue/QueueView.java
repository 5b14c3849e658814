package org.medcard.terminal.present.queue;

import java.util.List;

/**
 * What the queue screen shows. Every method is called through the model's {@code ui} executor (the event
 * thread in the app), never from the worker.
 */
public interface QueueView {

    void showFigures(QueueFigures figures);

    /** The entries to list; {@code onlyOpen} tells which filter is in force. */
    void showEntries(List<EntryRow> entries, boolean onlyOpen);

    void showForwarding(ForwardProgress progress);

    /** Whether the model is working (the view disables its actions and shows what it waits for). */
    void showBusy(boolean busy, String what);

    /** Asks the cashier to have the patient's card inserted for {@code entry}; true to go on, false to go back. */
    boolean confirmCardInserted(EntryRow entry);

    /**
     * Asks for the card's PIN when the personal account pays its share of a re-settlement (R10, R11); called on
     * the UI thread while the worker waits. Null when the cashier goes back (the entry stays open).
     */
    char[] askPin(String prompt);

    void showResettled(ResettleAnswer answer);

    /** A plain message (nothing selected, a refusal before any work). */
    void showMessage(String message);

    /** The line after print / save of the last re-settlement's receipt ("printed on …", "saved as …") or what went wrong. */
    default void showSlip(String line, boolean problem) {
        showMessage(line);
    }
}

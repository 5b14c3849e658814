package org.medcard.terminal.present.outcome;

/**
 * The print and save keys of a desk screen whose outcomes leave a slip (registration, re-settlement, void): F7 or
 * Ctrl+P prints, F8 or Ctrl+S saves a PDF. The desk model answers {@link #slipReady()} from its {@link DeskSlip} and
 * makes the copy in {@link #copySlip} with its own worker and busy marks. Called on the UI thread.
 */
public interface SlipKeys {

    /** The desk's kept slip (the last outcome's journalled document, or none). */
    DeskSlip deskSlip();

    /** Whether the last outcome left a document to print or save (the keys are listed under the answer). */
    default boolean slipReady() {
        return deskSlip().ready();
    }

    /**
     * The operator signed out: the kept slip is forgotten, so the next operator's print key cannot copy the previous
     * patient's slip (issue 15). Its journal entry stays (the Reprint screen finds it).
     */
    default void signedOut() {
        deskSlip().forget();
    }

    /** Prints ({@code print}) or saves the last outcome's journalled document, or says there is none yet. */
    void copySlip(boolean print);

    /** Prints the last outcome's journalled document on the configured printer. */
    default void printSlip() {
        copySlip(true);
    }

    /** Saves the last outcome's journalled document as a PDF in the receipts folder. */
    default void saveSlip() {
        copySlip(false);
    }
}

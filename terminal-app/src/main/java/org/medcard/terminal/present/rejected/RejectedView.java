package org.medcard.terminal.present.rejected;

/** The rejected-messages screen. Called on the UI thread (the model's {@code ui} executor). */
public interface RejectedView {

    void showRejected(RejectedAnswer answer);

    /** Whether the model is working (the view disables its actions and shows what it waits for). */
    void showBusy(boolean busy, String what);

    /** A plain message (nothing chosen, no note, a refusal). */
    void showMessage(String message);
}

package org.medcard.terminal.present.supervisor;

/** The void screen. Called on the UI thread. */
public interface VoidView extends Work.Busy {

    /** Asks the supervisor to confirm the void of {@code setlId} with name, password and reason. */
    SupervisorConfirmation confirmVoid(String setlId);

    void showVoided(VoidResult result);

    /** The line after F7/F8 ("printed on …", "saved as …") or what went wrong; the void's result stays shown. */
    default void showSlip(String line, boolean problem) {
        showMessage(line);
    }
}

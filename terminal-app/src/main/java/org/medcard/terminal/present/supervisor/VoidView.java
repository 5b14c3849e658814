package org.medcard.terminal.present.supervisor;

/** The void screen. Called on the UI thread. */
public interface VoidView extends Work.Busy {

    /** Asks the supervisor to confirm the void of {@code setlId} with name, password and reason. */
    SupervisorConfirmation confirmVoid(String setlId);

    void showVoided(VoidResult result);
}

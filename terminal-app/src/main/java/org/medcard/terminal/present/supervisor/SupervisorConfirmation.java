package org.medcard.terminal.present.supervisor;

import java.util.Arrays;

/**
 * The supervisor's answer to "void settlement …?": who confirms, with their password (wiped by the void
 * desk after the check), and why. {@code confirmed} false when the supervisor went back.
 */
public record SupervisorConfirmation(boolean confirmed, String supervisor, char[] password, String reason) {

    public static SupervisorConfirmation back() {
        return new SupervisorConfirmation(false, null, new char[0], null);
    }

    /** Wipes the password (when the answer is not used). */
    public void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "SupervisorConfirmation[" + confirmed + ", " + supervisor + "]";
    }
}

package org.medcard.terminal.present.supervisor;

import java.util.List;

/** The settings screen. Called on the UI thread. */
public interface SettingsView extends Work.Busy {

    /** The values in force and the reader choices this machine offers (simulator, PC/SC readers, serial ports). */
    void showSettings(SettingsForm form, List<String> readerChoices);

    void showSaved(SettingsSaved answer);
}

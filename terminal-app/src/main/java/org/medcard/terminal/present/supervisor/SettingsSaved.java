package org.medcard.terminal.present.supervisor;

import java.util.List;

/**
 * The answer to "save settings".
 *
 * @param saved    whether the file was written
 * @param changes  one line per changed key ("Offline limit per sale: 500.00 → 300.00"), or the problems found
 * @param headline "Saved; restart the terminal to use the new settings" / "Not saved: 2 problem(s)" / "Nothing changed"
 * @param restart  whether a restart is needed for the change to take effect
 */
public record SettingsSaved(boolean saved, List<String> changes, String headline, boolean restart) {
    public SettingsSaved {
        changes = List.copyOf(changes);
    }
}

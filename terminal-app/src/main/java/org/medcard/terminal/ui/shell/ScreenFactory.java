package org.medcard.terminal.ui.shell;

import java.util.Optional;

/** Makes a screen for this terminal, or nothing when it does not apply (e.g. registration on a pharmacy terminal). */
@FunctionalInterface
public interface ScreenFactory {
    Optional<Screen> create(AppContext context);
}

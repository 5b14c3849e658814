package org.medcard.terminal.ui.shell;

import java.util.Optional;
import javax.swing.JFrame;

import org.medcard.terminal.operator.Operator;

/** What a screen may ask of the main window. Event thread only. */
public interface Shell {

    /** The signed-in operator (empty on the sign-in screen). */
    Optional<Operator> operator();

    /** Switches to the screen with this id (if the operator may open it). */
    void show(String screenId);

    /** Back to the sign-in screen; every screen forgets its customer. */
    void signOut();

    /**
     * Long work (forwarding the queue, syncing the catalog, day close) shows this in the status bar; the window
     * stays usable. {@code null} hides it.
     */
    void progress(String text);

    /** The owner of dialogs. */
    JFrame frame();
}

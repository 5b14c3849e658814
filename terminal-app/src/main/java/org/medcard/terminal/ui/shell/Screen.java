package org.medcard.terminal.ui.shell;

import java.util.Set;
import javax.swing.JComponent;

import org.medcard.terminal.operator.Role;

/**
 * One screen of the app, shown in the main window's centre after sign-in. Made by a {@link ScreenFactory} listed
 * in {@code ui.Screens}. Called on the event thread only.
 */
public interface Screen {

    /** A stable id ({@code counter}, {@code registration}, ...), used for switching and in tests. */
    String id();

    /** The title on its switch button, in the terminal's language. */
    String title();

    /** The panel. Its F-keys belong in its own input map (WHEN_ANCESTOR_OF_FOCUSED_COMPONENT). */
    JComponent component();

    /** Who may open it; empty: every signed-in operator. A supervisor covers a cashier ({@link Role#covers}). */
    default Set<Role> roles() {
        return Set.of();
    }

    /** Just became visible: put the focus in its first field. */
    default void shown() {
    }

    /** Back to its main field (after a dialog closed): only the focus, nothing reloaded. */
    default void focusMain() {
    }

    /**
     * Keys typed ahead while the screen could not take them (during sign-in), or a code scanned into a dialog: the
     * main field applies them in order (issue 15). Ignored by screens without a field for them.
     */
    default void typedAhead(org.medcard.terminal.present.KeyBuffer.Typed typed) {
    }

    /** The operator signed out: forget the customer on screen (cart, card, typed values). */
    default void signedOut() {
    }
}

package org.medcard.terminal.ui.shell;

import java.awt.Component;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.function.BooleanSupplier;

import javax.swing.SwingUtilities;

import org.medcard.terminal.present.KeyBuffer;

/**
 * Keeps the keys typed into {@code window} while {@code holding} says its fields cannot take them (signing in, a sale
 * running), in order, for the main field to apply them afterwards (issue 15: a scanner's burst right after Enter was
 * lost). Keys in dialogs pass. A buffer nobody drained when the hold ended (a refused sign-in) is dropped at the next
 * key, so old keys never surface later. Event thread only.
 */
public final class TypeAheadKeys implements KeyEventDispatcher {

    private final Window window;
    private final BooleanSupplier holding;
    private final KeyBuffer buffer = new KeyBuffer();
    private boolean kept;

    public TypeAheadKeys(Window window, BooleanSupplier holding) {
        this.window = window;
        this.holding = holding;
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(this);
    }

    @Override
    public boolean dispatchKeyEvent(KeyEvent e) {
        if (windowOf(e.getComponent()) != window) {
            return false;
        }
        if (!holding.getAsBoolean()) {
            if (kept) {
                buffer.drain();
                kept = false;
            }
            return false;
        }
        if (e.getID() == KeyEvent.KEY_TYPED && e.getKeyChar() != KeyEvent.CHAR_UNDEFINED && e.getKeyChar() != '\n'
                && !e.isControlDown() && !e.isAltDown()) {
            buffer.typed(e.getKeyChar());
            kept = true;
            return true;
        }
        if (e.getID() == KeyEvent.KEY_PRESSED && e.getKeyCode() == KeyEvent.VK_ENTER && e.getModifiersEx() == 0) {
            buffer.enter();
            kept = true;
            return true;
        }
        return false;
    }

    /** The keys kept, in order; empty afterwards. */
    public KeyBuffer.Typed drain() {
        kept = false;
        return buffer.drain();
    }

    public void close() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(this);
    }

    private static Window windowOf(Component c) {
        return c == null ? null : c instanceof Window w ? w : SwingUtilities.getWindowAncestor(c);
    }
}

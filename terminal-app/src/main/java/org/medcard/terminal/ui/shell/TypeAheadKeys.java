package org.medcard.terminal.ui.shell;

import java.awt.Component;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javax.swing.SwingUtilities;

import org.medcard.terminal.present.KeyBuffer;

/**
 * Keeps the keys typed into {@code window} while {@code holding} says its fields cannot take them (signing in, a sale
 * running), in order, for the main field to apply them afterwards (issue 15: a scanner's burst right after Enter was
 * lost). Keys in dialogs pass. A buffer nobody drained when the hold ended (a refused sign-in) is dropped at the next
 * key, so old keys never surface later.
 *
 * <p>Strays ({@link #redirectStrays}): when the hold ends the main field asks for the focus, but the focus moves
 * later (AWT moves it asynchronously; under load the keys of a scanner's burst arrive first) and the keys went to
 * whatever had the focus meanwhile — a hidden sign-in field, a key button, the cart's table — and were lost (issue
 * 15, TypeAheadGuiIT under a loaded build). Keys typed onto such a component go to the main field instead. Event
 * thread only.
 */
public final class TypeAheadKeys implements KeyEventDispatcher {

    private final Window window;
    private final BooleanSupplier holding;
    private final KeyBuffer buffer = new KeyBuffer();
    private boolean kept;
    private Predicate<Component> stray = c -> false;
    private Consumer<KeyBuffer.Typed> straySink = t -> { };

    public TypeAheadKeys(Window window, BooleanSupplier holding) {
        this.window = window;
        this.holding = holding;
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(this);
    }

    /**
     * Keys typed (a character, or a plain Enter) onto a component of the window for which {@code stray} holds, while
     * nothing is held, go to {@code sink} at once, one by one: a character as the unfinished rest, an Enter as an
     * empty line (the main field takes it as "Enter in the field").
     */
    public TypeAheadKeys redirectStrays(Predicate<Component> stray, Consumer<KeyBuffer.Typed> sink) {
        this.stray = stray;
        this.straySink = sink;
        return this;
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
            // A space stays with its button (Space presses a focused button); a code has none.
            boolean key = isChar(e) && !Character.isISOControl(e.getKeyChar()) && !Character.isWhitespace(e.getKeyChar()) || isEnter(e);
            if (key && stray.test(e.getComponent())) {
                straySink.accept(isEnter(e) ? new KeyBuffer.Typed(List.of(""), "") : new KeyBuffer.Typed(List.of(), String.valueOf(e.getKeyChar())));
                return true;
            }
            return false;
        }
        if (isChar(e)) {
            buffer.typed(e.getKeyChar());
            kept = true;
            return true;
        }
        if (isEnter(e)) {
            buffer.enter();
            kept = true;
            return true;
        }
        return false;
    }

    private static boolean isChar(KeyEvent e) {
        return e.getID() == KeyEvent.KEY_TYPED && e.getKeyChar() != KeyEvent.CHAR_UNDEFINED && e.getKeyChar() != '\n'
                && !e.isControlDown() && !e.isAltDown();
    }

    private static boolean isEnter(KeyEvent e) {
        return e.getID() == KeyEvent.KEY_PRESSED && e.getKeyCode() == KeyEvent.VK_ENTER && e.getModifiersEx() == 0;
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

package org.medcard.terminal.ui.shell;

import java.awt.event.ActionEvent;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/** Key bindings: every action of a screen has a key, bound while the focus is anywhere inside the screen. */
public final class Keys {

    private Keys() {
    }

    /** Binds {@code key} (e.g. "F12", "ESCAPE", "ctrl 1") to {@code action} for the whole of {@code screen}. */
    public static void bind(JComponent screen, String key, Runnable action) {
        bind(screen, JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, key, action);
    }

    /** Binds in the whole window ({@code WHEN_IN_FOCUSED_WINDOW}): the shell's keys. */
    public static void bindWindow(JComponent root, String key, Runnable action) {
        bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, key, action);
    }

    /**
     * A button for an action that also has a key: clicking it runs {@code action}, and it never takes the focus, so
     * the keyboard stays in the screen's field. {@code name} is its component name (tests, screenshots).
     */
    public static JButton button(String name, String text, Runnable action) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setFocusable(false);
        b.addActionListener(e -> action.run());
        return b;
    }

    private static void bind(JComponent c, int condition, String key, Runnable action) {
        KeyStroke stroke = KeyStroke.getKeyStroke(key);
        if (stroke == null) {
            throw new IllegalArgumentException("not a key stroke: " + key);
        }
        c.getInputMap(condition).put(stroke, key);
        c.getActionMap().put(key, new AbstractAction(key) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }
}

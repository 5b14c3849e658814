package org.medcard.terminal.ui.shell;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.text.JTextComponent;

import org.medcard.terminal.present.ScanBurst;

/**
 * Modal dialogs driven by the keyboard: Enter confirms, Esc goes back. The content's first field gets the focus.
 * Components carry names ({@code dialog.ok}, {@code dialog.back}, {@code dialog.list}) for GUI tests.
 */
public final class Dialogs {

    private Dialogs() {
    }

    /** Asks for the card's PIN, masked; the typed characters, or null when the cashier went back. */
    public static char[] askPin(JFrame owner, String title, String prompt, String okText, String backText) {
        javax.swing.JPasswordField field = new javax.swing.JPasswordField(12);
        field.setName("pin.field");
        JPanel p = new JPanel(new java.awt.BorderLayout(8, 8));
        javax.swing.JLabel words = new javax.swing.JLabel(prompt);
        words.setName("pin.prompt");
        p.add(words, java.awt.BorderLayout.NORTH);
        p.add(field, java.awt.BorderLayout.CENTER);
        boolean ok = ask(owner, title, p, field, okText, backText, OnScan.KEEP_OPEN);
        char[] pin = ok ? field.getPassword() : null;
        field.setText("");
        return pin;
    }

    /**
     * Asks for one line of text ({@code ask.field}) under {@code prompt} (plain text or HTML); the text, or empty when
     * the operator went back or typed nothing. A scanner's burst is taken as typed (an ID number may be scanned).
     */
    public static Optional<String> askText(JFrame owner, String title, String prompt, String initial, String okText,
                                           String backText) {
        javax.swing.JTextField field = new javax.swing.JTextField(initial, 20);
        field.setName("ask.field");
        field.selectAll();
        JPanel p = new JPanel(new BorderLayout(8, 8));
        javax.swing.JLabel words = new javax.swing.JLabel(prompt);
        words.setName("ask.prompt");
        p.add(words, BorderLayout.NORTH);
        p.add(field, BorderLayout.CENTER);
        boolean ok = ask(owner, title, p, field, okText, backText);
        return ok && !field.getText().isBlank() ? Optional.of(field.getText()) : Optional.empty();
    }

    /** Shows {@code content}; true when confirmed with Enter (or the OK button). */
    public static boolean ask(JFrame owner, String title, JComponent content, Component focus, String okText, String backText) {
        return ask(owner, title, content, focus, okText, backText, OnScan.TYPED);
    }

    /**
     * What a barcode scanner's burst ({@link ScanBurst}) does in a dialog. In a PIN box or a chooser it is the next
     * item, not an answer (issue 15): the code goes to the screen's main field ({@link #SCAN_SINK}).
     */
    public enum OnScan {
        /** Taken as typed (a search or ID-number field may be scanned into). */
        TYPED,
        /** The dialog stays open with its field emptied (a PIN box: the sale goes on). */
        KEEP_OPEN,
        /** The dialog closes as if the operator went back (a chooser: nothing chosen). */
        CLOSE
    }

    /** The frame's client property: a {@code Consumer<String>} taking a code scanned into a dialog (the main window sets it). */
    public static final String SCAN_SINK = "medcard.scanSink";

    /** As {@link #ask(JFrame, String, JComponent, Component, String, String)}, with what a scanner's burst does. */
    public static boolean ask(JFrame owner, String title, JComponent content, Component focus, String okText, String backText,
                              OnScan onScan) {
        JDialog d = new JDialog(owner, title, true);
        d.setName("dialog." + title);
        d.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        boolean[] ok = {false};
        JButton okButton = new JButton(okText);
        okButton.setName("dialog.ok");
        okButton.addActionListener(e -> {
            ok[0] = true;
            d.dispose();
        });
        JButton back = new JButton(backText);
        back.setName("dialog.back");
        back.addActionListener(e -> d.dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(back);
        buttons.add(okButton);
        JPanel root = new JPanel(new BorderLayout(12, 12));
        root.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        root.add(content, BorderLayout.CENTER);
        root.add(buttons, BorderLayout.SOUTH);
        d.setContentPane(root);
        d.getRootPane().setDefaultButton(okButton);
        Keys.bindWindow(root, "ESCAPE", d::dispose);
        Keys.bindWindow(root, "ENTER", () -> {
            ok[0] = true;
            d.dispose();
        });
        d.pack();
        d.setLocationRelativeTo(owner);
        // Something in the dialog must hold the focus, or Enter and Esc reach nobody.
        Component first = focus != null ? focus : okButton;
        d.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowOpened(java.awt.event.WindowEvent e) {
                first.requestFocusInWindow();
            }
        });
        KeyEventDispatcher scans = onScan == OnScan.TYPED ? null : scanWatcher(d, owner, onScan, focus);
        if (scans != null) {
            KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(scans);
        }
        try {
            d.setVisible(true);
        } finally {
            if (scans != null) {
                KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(scans);
            }
        }
        // Give the window back its focus (without a window manager, as on a bare kiosk X server, nobody else does).
        if (owner != null) {
            owner.toFront();
        }
        restoreFocus(owner);
        return ok[0];
    }

    /** Watches the dialog's keys for a scanner's burst; its Enter is taken, the code handed to the screen. */
    private static KeyEventDispatcher scanWatcher(JDialog d, JFrame owner, OnScan onScan, Component field) {
        ScanBurst burst = new ScanBurst();
        return e -> {
            Component c = e.getComponent();
            if (c == null || (c != d && SwingUtilities.getWindowAncestor(c) != d)) {
                return false;
            }
            if (e.getID() == KeyEvent.KEY_TYPED && e.getKeyChar() != '\n' && !Character.isISOControl(e.getKeyChar())) {
                burst.typed(e.getKeyChar(), e.getWhen());
                return false;
            }
            if (e.getID() != KeyEvent.KEY_PRESSED || e.getKeyCode() != KeyEvent.VK_ENTER) {
                return false;
            }
            Optional<String> code = burst.enter(e.getWhen());
            if (code.isEmpty()) {
                return false;
            }
            e.consume();
            if (field instanceof JTextComponent t) {
                t.setText("");
            }
            if (onScan == OnScan.CLOSE) {
                d.dispose();
            }
            Object sink = owner == null ? null : owner.getRootPane().getClientProperty(SCAN_SINK);
            if (sink instanceof java.util.function.Consumer<?> consumer) {
                @SuppressWarnings("unchecked")
                java.util.function.Consumer<String> take = (java.util.function.Consumer<String>) consumer;
                SwingUtilities.invokeLater(() -> take.accept(code.get()));
            }
            return true;
        };
    }

    /** The frame's client property: puts the focus in the current screen's main field (the main window sets it). */
    public static final String FOCUS_HOME = "medcard.focusHome";

    /**
     * After a dialog, back to the screen's main field, with a request that may activate the window: without a window
     * manager nobody gives the frame the keyboard back and every key (Ctrl+1, Esc, Ctrl+L) died until a mouse click
     * (issue 15). The screen names its field ({@link #FOCUS_HOME}, remembered for the window by
     * {@code requestFocusInWindow}); the window-level {@code requestFocus} then activates the frame on it.
     */
    public static void restoreFocus(JFrame owner) {
        if (owner == null) {
            return;
        }
        javax.swing.SwingUtilities.invokeLater(() -> {
            if (!owner.isShowing() || java.util.Arrays.stream(owner.getOwnedWindows()).anyMatch(w -> w.isShowing() && w instanceof JDialog)) {
                return; // gone, or another dialog took over: it restores the focus when it closes
            }
            Object home = owner.getRootPane().getClientProperty(FOCUS_HOME);
            if (home instanceof Runnable r) {
                r.run();
            }
            Component target = owner.getMostRecentFocusOwner();
            if (target != null && !target.isFocusOwner()) {
                target.requestFocus();
            }
        });
    }

    /** A list to choose from with the arrow keys and Enter; empty when the operator went back. */
    public static <T> Optional<T> choose(JFrame owner, String title, List<T> items, Function<T, String> label,
                                         String okText, String backText) {
        JList<String> list = new JList<>(items.stream().map(label).toArray(String[]::new));
        list.setName("dialog.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setSelectedIndex(0);
        list.setVisibleRowCount(Math.min(12, Math.max(3, items.size())));
        JScrollPane scroll = new JScrollPane(list);
        if (!ask(owner, title, scroll, list, okText, backText, OnScan.CLOSE) || list.getSelectedIndex() < 0) {
            return Optional.empty();
        }
        return Optional.of(items.get(list.getSelectedIndex()));
    }
}

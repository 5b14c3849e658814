package org.medcard.terminal.ui.shell;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
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
import javax.swing.WindowConstants;

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
        p.add(new javax.swing.JLabel(prompt), java.awt.BorderLayout.NORTH);
        p.add(field, java.awt.BorderLayout.CENTER);
        boolean ok = ask(owner, title, p, field, okText, backText);
        char[] pin = ok ? field.getPassword() : null;
        field.setText("");
        return pin;
    }

    /** Shows {@code content}; true when confirmed with Enter (or the OK button). */
    public static boolean ask(JFrame owner, String title, JComponent content, Component focus, String okText, String backText) {
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
        d.setVisible(true);
        // Give the window back its focus (without a window manager, as on a bare kiosk X server, nobody else does).
        if (owner != null) {
            owner.toFront();
        }
        return ok[0];
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
        if (!ask(owner, title, scroll, list, okText, backText) || list.getSelectedIndex() < 0) {
            return Optional.empty();
        }
        return Optional.of(items.get(list.getSelectedIndex()));
    }
}

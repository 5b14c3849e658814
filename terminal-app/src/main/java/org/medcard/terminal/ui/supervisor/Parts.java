package org.medcard.terminal.ui.supervisor;

import java.awt.Font;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTextArea;

import org.medcard.terminal.ui.shell.Keys;

/** Small builders the supervisor tabs share (this package only). */
final class Parts {

    private Parts() {
    }

    static JButton button(String name, String text, Runnable action) {
        return Keys.button(name, text, action);
    }

    static JLabel headline(String name) {
        JLabel l = new JLabel(" ");
        l.setName(name);
        l.setFont(l.getFont().deriveFont(Font.BOLD, l.getFont().getSize2D() * 1.5f));
        return l;
    }

    static JTextArea text(String name, int rows) {
        JTextArea a = new JTextArea(rows, 40);
        a.setName(name);
        a.setEditable(false);
        a.setLineWrap(true);
        a.setWrapStyleWord(true);
        a.setOpaque(false);
        a.setFocusable(false);
        return a;
    }
}

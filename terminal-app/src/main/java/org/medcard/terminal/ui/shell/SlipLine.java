package org.medcard.terminal.ui.shell;

import java.awt.Color;

import javax.swing.JLabel;

/**
 * The line under a desk's answer about the outcome's slip (issue 15), on the registration desk, the queue screen and
 * the void tab: the print and save keys once a slip is ready, then what each copy did, green, or red with the next
 * step. Called on the event thread.
 */
public final class SlipLine extends JLabel {

    public SlipLine() {
        super(" ");
    }

    /** After an outcome: the desk's print/save keys when it left a slip, an empty line when it did not. */
    public void keys(boolean ready, String keys) {
        setText(ready ? keys : " ");
    }

    /** As {@link #keys(boolean, String)}, in the colour of the outcome's answer. */
    public void keys(boolean ready, String keys, Color colour) {
        setForeground(colour);
        keys(ready, keys);
    }

    /** A copy's line (printed on…, saved as…, or what went wrong). */
    public void copy(String line, boolean problem) {
        setText(line);
        setForeground(problem ? Theme.RED : Theme.GREEN);
    }
}

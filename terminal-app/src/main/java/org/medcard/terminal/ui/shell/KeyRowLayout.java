package org.medcard.terminal.ui.shell;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.awt.Insets;

import javax.swing.SwingUtilities;

/**
 * A row of equal keys that becomes two (or more) rows when the keys do not fit the width whole (issue 15: at 1024
 * wide the registration desk's "F5 Register (fee …" was cut and the counter's "打印收/据" broken mid-word). Every
 * cell is as wide as the widest key's label, so no label is cut or wrapped; on a wide screen it is one row, as a
 * {@link GridLayout} of one row was.
 */
public final class KeyRowLayout extends GridLayout {

    /** Rows the last preferred size was computed for: a layout at another width that needs more asks again. */
    private int promised = 1;

    public KeyRowLayout(int hgap, int vgap) {
        super(1, 0, hgap, vgap);
    }

    @Override
    public Dimension preferredLayoutSize(Container parent) {
        synchronized (parent.getTreeLock()) {
            promised = fit(parent);
            return super.preferredLayoutSize(parent);
        }
    }

    @Override
    public void layoutContainer(Container parent) {
        synchronized (parent.getTreeLock()) {
            int rows = fit(parent);
            super.layoutContainer(parent);
            if (rows != promised) {
                // The parent gave us a height for another number of rows (its width was not known yet): ask again.
                promised = rows;
                SwingUtilities.invokeLater(parent::revalidate);
            }
        }
    }

    /** Sets and returns the number of rows for the parent's current width (one while the width is unknown). */
    private int fit(Container parent) {
        int n = parent.getComponentCount();
        int widest = 0;
        for (Component c : parent.getComponents()) {
            widest = Math.max(widest, c.getPreferredSize().width);
        }
        Insets in = parent.getInsets();
        int width = parent.getWidth() - in.left - in.right;
        int columns = width <= 0 || widest == 0 ? n : (width + getHgap()) / (widest + getHgap());
        columns = Math.max(1, Math.min(Math.max(n, 1), columns));
        int rows = Math.max(1, (n + columns - 1) / columns);
        setRows(rows);
        setColumns(0);
        return rows;
    }
}

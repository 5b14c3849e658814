package org.medcard.terminal.ui.shell;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;

import javax.swing.SwingUtilities;

/**
 * A left-aligned row of buttons that goes on in a second row when the first is full, and says so in its preferred
 * height (issue 15: at 1366 wide in English the shell's screen switcher had no room for "Ctrl+6 Reprint", and a
 * {@link FlowLayout} places what does not fit outside its container, out of sight, while asking for one row).
 * The height follows the width the container was last given; a layout at a width that needs another number of rows
 * asks its parent to lay out again, as {@link KeyRowLayout} does.
 */
public final class WrapRowLayout extends FlowLayout {

    /** Height the last preferred size promised; a layout that needs another asks again. */
    private int promised = -1;

    public WrapRowLayout(int hgap, int vgap) {
        super(FlowLayout.LEFT, hgap, vgap);
    }

    @Override
    public Dimension preferredLayoutSize(Container parent) {
        synchronized (parent.getTreeLock()) {
            Dimension d = wrapped(parent, parent.getWidth());
            promised = d.height;
            return d;
        }
    }

    @Override
    public Dimension minimumLayoutSize(Container parent) {
        synchronized (parent.getTreeLock()) {
            Dimension d = wrapped(parent, parent.getWidth());
            d.width = 0; // any width will do: the row wraps
            return d;
        }
    }

    @Override
    public void layoutContainer(Container parent) {
        synchronized (parent.getTreeLock()) {
            super.layoutContainer(parent);
            int needed = wrapped(parent, parent.getWidth()).height;
            if (needed != promised) {
                promised = needed;
                SwingUtilities.invokeLater(parent::revalidate);
            }
        }
    }

    /** The size of the rows the visible components make when wrapped at {@code width} (one row while it is unknown). */
    private Dimension wrapped(Container parent, int width) {
        Insets in = parent.getInsets();
        int room = width <= 0 ? Integer.MAX_VALUE : Math.max(1, width - in.left - in.right - 2 * getHgap());
        int rowWidth = 0;
        int rowHeight = 0;
        int widest = 0;
        int height = 0;
        for (Component c : parent.getComponents()) {
            if (!c.isVisible()) {
                continue;
            }
            Dimension p = c.getPreferredSize();
            if (rowWidth > 0 && rowWidth + getHgap() + p.width > room) {
                widest = Math.max(widest, rowWidth);
                height += rowHeight + getVgap();
                rowWidth = 0;
                rowHeight = 0;
            }
            rowWidth += (rowWidth > 0 ? getHgap() : 0) + p.width;
            rowHeight = Math.max(rowHeight, p.height);
        }
        widest = Math.max(widest, rowWidth);
        height += rowHeight;
        return new Dimension(widest + in.left + in.right + 2 * getHgap(), height + in.top + in.bottom + 2 * getVgap());
    }
}

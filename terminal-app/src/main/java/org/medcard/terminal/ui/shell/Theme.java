package org.medcard.terminal.ui.shell;

import java.awt.Color;

import javax.swing.JComponent;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/**
 * FlatLaf light / dark themes and zoom. Zoom changes the default font size; FlatLaf derives its UI scale factor
 * from that size, so every inset, icon and row height grows with the text. Event thread only (after {@link #install}).
 */
public final class Theme {

    public static final int MIN_SIZE = 12;
    public static final int MAX_SIZE = 32;

    /** Status colours with enough contrast on both themes; the word next to each carries the meaning too. */
    public static final Color GREEN = new Color(0x1B7F3B);
    public static final Color AMBER = new Color(0xB35C00);
    public static final Color RED = new Color(0xC62828);
    public static final Color GREY = new Color(0x5F6368);

    /** Hint text (what to type, the keys line): at least 4.5:1 on the light and on the dark background. */
    static final Color HINT_LIGHT = GREY;
    static final Color HINT_DARK = new Color(0xA9B0B8);

    private final UiFonts fonts;
    private boolean dark;
    private int size;

    public Theme(UiFonts fonts, boolean dark, int size) {
        this.fonts = fonts;
        this.dark = dark;
        this.size = clamp(size);
    }

    /** Sets the look and feel before any component is made. */
    public void install() {
        apply();
    }

    public boolean dark() {
        return dark;
    }

    public int size() {
        return size;
    }

    public void toggleDark() {
        dark = !dark;
        apply();
        FlatLaf.updateUI();
    }

    /** +1 / -1 point; 0 back to the base size. */
    public void zoom(int step) {
        size = step == 0 ? UiFonts.BASE_SIZE : clamp(size + step);
        apply();
        FlatLaf.updateUI();
    }

    private void apply() {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        UIManager.put("defaultFont", new FontUIResource(fonts.font(java.awt.Font.PLAIN, size)));
        UIManager.put("Table.rowHeight", (int) (size * 1.8));
        UIManager.put("Component.focusWidth", 2);
    }

    /**
     * Makes {@code c} a hint: grey on the light theme, a light grey on the dark one (issue 15: the dark theme's
     * hints were the light theme's grey on a dark background). A theme change (Ctrl+D) installs a new UI on every
     * component, which is when the colour is chosen again.
     */
    public static void hint(JComponent c) {
        c.setForeground(FlatLaf.isLafDark() ? HINT_DARK : HINT_LIGHT);
        c.addPropertyChangeListener("UI", e -> c.setForeground(FlatLaf.isLafDark() ? HINT_DARK : HINT_LIGHT));
    }

    private static int clamp(int s) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, s));
    }
}

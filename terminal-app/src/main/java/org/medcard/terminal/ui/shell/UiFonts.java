package org.medcard.terminal.ui.shell;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import javax.swing.text.StyleContext;

import org.medcard.terminal.receipt.pdf.FontCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's type: a CJK font from the same candidate list the receipts use ({@link FontCandidate}: Microsoft
 * YaHei / SimSun on Windows, WenQuanYi Micro Hei on Debian), registered with AWT, plus the supplementary fonts
 * (SimSun-ExtB, HanaMin) for names beyond the BMP such as 𠮷. The font handed to Swing is a composite
 * ({@link StyleContext#getFont}), so characters the main face lacks fall back to the other installed fonts.
 */
public final class UiFonts {

    private static final Logger LOG = LoggerFactory.getLogger(UiFonts.class);
    /** Large readable type at the counter (FlatLaf's default is 12–13 pt). */
    public static final int BASE_SIZE = 16;

    private final String family;
    private final List<String> supplementary;

    private UiFonts(String family, List<String> supplementary) {
        this.family = family;
        this.supplementary = List.copyOf(supplementary);
    }

    /** Finds and registers the fonts (once, at start). */
    public static UiFonts discover() {
        String windir = System.getenv("WINDIR");
        String main = register(FontCandidate.systemCjkFonts(windir));
        List<String> extra = new ArrayList<>();
        for (FontCandidate c : FontCandidate.systemSupplementaryFonts(windir)) {
            String f = register(List.of(c));
            if (f != null) {
                extra.add(f);
            }
        }
        if (main == null) {
            LOG.warn("No CJK font found among {}: Chinese text shows with the default font", FontCandidate.systemCjkFonts(windir));
        }
        return new UiFonts(main == null ? Font.DIALOG : main, extra);
    }

    /** Registers the first loadable candidate; returns its family name, or null. */
    private static String register(List<FontCandidate> candidates) {
        GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (FontCandidate c : candidates) {
            if (!Files.isReadable(c.file())) {
                continue;
            }
            try {
                Font[] fonts = Font.createFonts(c.file().toFile());
                Font chosen = fonts[0];
                for (Font f : fonts) {
                    if (c.faceName() != null && c.faceName().equalsIgnoreCase(f.getPSName())) {
                        chosen = f;
                    }
                }
                for (Font f : fonts) {
                    ge.registerFont(f);
                }
                return chosen.getFamily();
            } catch (IOException | FontFormatException e) {
                LOG.info("Font {} not usable in the UI: {}", c.file(), e.getMessage());
            }
        }
        return null;
    }

    public String family() {
        return family;
    }

    /** The UI font at {@code size} points: the CJK face, with fallback for characters it lacks. */
    public Font font(int style, int size) {
        return StyleContext.getDefaultStyleContext().getFont(family, style, size);
    }

    /**
     * A font that can show {@code text} (a name with 4-byte characters): the main font when it can, else the first
     * supplementary font that can, else the main font (the composite's fallback).
     */
    public Font fontFor(String text, int style, int size) {
        Font f = font(style, size);
        if (text == null || f.canDisplayUpTo(text) == -1) {
            return f;
        }
        for (String s : supplementary) {
            Font alt = new Font(s, style, size);
            if (alt.canDisplayUpTo(text) == -1) {
                return alt;
            }
        }
        return f;
    }
}

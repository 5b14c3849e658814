package org.medcard.terminal;

import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.ui.shell.UiFonts;
import org.medcard.testsupport.SystemParts;

/**
 * For tests whose assertions depend on a Chinese (CJK) font being installed: the receipt font (a TrueType CJK font
 * found the way the app finds it) or the screen's font. Without one they skip with the reason; under
 * {@code -Dmedcard.requireSystemParts=true} (CI installs fonts-wqy-microhei and fonts-hanazono) they fail instead.
 */
public final class CjkFonts {

    public static final String HOW = "apt-get install fonts-wqy-microhei fonts-hanazono";

    private CjkFonts() {
    }

    /** Whether receipts would print Chinese: the system search finds a usable TrueType CJK font. */
    public static boolean forReceipts() {
        try (FontCache fonts = FontCache.system(null)) {
            return fonts.isCjk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a Chinese assertion on a receipt must run: a font is there, or system parts are required. */
    public static boolean assertChineseOnReceipts() {
        return forReceipts() || SystemParts.required();
    }

    /** Skips (or fails, when required) unless receipts can print Chinese. */
    public static void needForReceipts() {
        SystemParts.need(forReceipts(), "a TrueType CJK font for receipts", HOW + ", or set receipt.font");
    }

    /** Skips (or fails, when required) unless the screen's font shows every character of {@code text}. */
    public static void needForScreen(String text) {
        Font f = UiFonts.discover().fontFor(text, Font.PLAIN, UiFonts.BASE_SIZE);
        SystemParts.need(f.canDisplayUpTo(text) == -1, "a CJK font showing \"" + text + "\" on screen (best: " + f.getFontName() + ")", HOW);
    }
}

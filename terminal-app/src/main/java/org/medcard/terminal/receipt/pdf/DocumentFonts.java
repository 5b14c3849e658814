package org.medcard.terminal.receipt.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts of one document: chooses, for each character, the font that has its glyph (main, then
 * supplementary), or a visible replacement when none has it. Fonts are embedded as subsets, and the
 * supplementary font only when a character needs it. Used under the cache's render lock.
 */
final class DocumentFonts {

    /** A piece of text in one font. */
    record Run(PDFont font, boolean simulatedBold, String text) {
    }

    /** Shown for a character no font has: a white square when the main font has one. */
    private static final int BOX = 0x25A1;

    private final PDDocument doc;
    private final Optional<FontCache.Loaded> main;
    private final FontCache cache;
    private PDType0Font mainFont;
    private PDType0Font supplementaryFont;
    private PDFont helvetica;
    private PDFont helveticaBold;
    private final Map<Integer, Float> advances = new HashMap<>();
    private final TreeSet<Integer> replaced = new TreeSet<>();

    DocumentFonts(PDDocument doc, FontCache cache) {
        this.doc = doc;
        this.cache = cache;
        this.main = cache.main();
    }

    /** Whether the document has no CJK font and falls back to Helvetica. */
    boolean fallback() {
        return main.isEmpty();
    }

    /** Characters that no font could show, as code points (for a log line). */
    TreeSet<Integer> replaced() {
        return replaced;
    }

    /** The text cut into runs of one font each, with replacements made. */
    List<Run> runs(String text, boolean bold) {
        List<Run> runs = new ArrayList<>();
        PDFont current = null;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Choice choice = choose(cp, bold);
            if (current != null && choice.font() != current) {
                runs.add(new Run(current, bold && !fallback(), sb.toString()));
                sb.setLength(0);
            }
            current = choice.font();
            sb.appendCodePoint(choice.codePoint());
        }
        if (current != null) {
            runs.add(new Run(current, bold && !fallback(), sb.toString()));
        }
        return runs;
    }

    /** Width of the text at the size, in points. */
    float width(String text, float size, boolean bold) {
        float total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            total += advance(cp, bold);
        }
        return total * size / 1000f;
    }

    /** Advance of one character in 1/1000 em, cached per document. */
    float advance(int cp, boolean bold) {
        int key = bold && fallback() ? -cp - 1 : cp;
        Float cached = advances.get(key);
        if (cached != null) {
            return cached;
        }
        Choice choice = choose(cp, bold);
        float w;
        try {
            w = choice.font().getStringWidth(new String(Character.toChars(choice.codePoint())));
        } catch (IOException | IllegalArgumentException e) {
            w = 500f;
        }
        advances.put(key, w);
        return w;
    }

    private record Choice(PDFont font, int codePoint) {
    }

    private Choice choose(int cp, boolean bold) {
        if (cp == '\t' || cp == '\n' || cp == '\r' || Character.isISOControl(cp)) {
            cp = ' ';
        }
        if (main.isEmpty()) {
            // Helvetica's WinAnsi encoding: keep printable ASCII, replace the rest visibly.
            int shown = cp >= 0x20 && cp < 0x7F ? cp : '?';
            if (shown != cp) {
                replaced.add(cp);
            }
            return new Choice(bold ? helveticaBold() : helvetica(), shown);
        }
        if (main.get().has(cp) || cp == ' ') {
            return new Choice(mainFont(), cp);
        }
        Optional<FontCache.Loaded> supp = cache.supplementary();
        if (supp.isPresent() && supp.get().has(cp)) {
            return new Choice(supplementaryFont(supp.get()), cp);
        }
        replaced.add(cp);
        return new Choice(mainFont(), main.get().has(BOX) ? BOX : '?');
    }

    private PDType0Font mainFont() {
        if (mainFont == null) {
            mainFont = load(main.orElseThrow());
        }
        return mainFont;
    }

    private PDType0Font supplementaryFont(FontCache.Loaded loaded) {
        if (supplementaryFont == null) {
            supplementaryFont = load(loaded);
        }
        return supplementaryFont;
    }

    private PDType0Font load(FontCache.Loaded loaded) {
        try {
            // Subset: only the glyphs used are embedded (a few KB instead of MB).
            return PDType0Font.load(doc, loaded.font(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("embedding " + loaded.description(), e);
        }
    }

    private PDFont helvetica() {
        if (helvetica == null) {
            helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        }
        return helvetica;
    }

    private PDFont helveticaBold() {
        if (helveticaBold == null) {
            helveticaBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        }
        return helveticaBold;
    }
}

package org.medcard.terminal.receipt.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts receipts are printed with, parsed once per process: parsing a CJK font takes 0.5–1 s, embedding an
 * already parsed one in a document a few milliseconds. Create one at the composition root and inject it.
 *
 * <p>The main font is the configured file when it is usable, else the first usable system candidate; a
 * supplementary font covers characters beyond the BMP that the main font lacks (it is parsed only when such a
 * character first appears). A candidate is usable when it has TrueType outlines and a Unicode cmap with CJK
 * glyphs. When none is, documents fall back to Helvetica (see {@link PdfReceiptRenderer}).
 *
 * <p>Thread safety: fontbox's {@code TrueTypeFont} is not thread-safe, so renderers hold {@link #renderLock()}
 * while they use the fonts; any thread may render, one at a time.
 */
public final class FontCache implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(FontCache.class);
    /** 中: a font without it is no CJK font. */
    private static final int PROBE = 0x4E2D;

    /** A parsed font ready for use. */
    record Loaded(String description, TrueTypeFont font, CmapLookup cmap) {
        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }
    }

    private final List<FontCandidate> mainCandidates;
    private final List<FontCandidate> supplementaryCandidates;
    private final List<Closeable> open = new ArrayList<>();
    private final Object renderLock = new Object();
    private final AtomicInteger parses = new AtomicInteger();
    private Optional<Loaded> main;
    private Optional<Loaded> supplementary;

    /**
     * @param configuredFont the {@code receipt.font} setting, or {@code null}: tried before the candidates
     * @param mainCandidates system fonts to try in order (e.g. {@link FontCandidate#systemCjkFonts})
     * @param supplementaryCandidates fonts for characters beyond the BMP
     */
    public FontCache(Path configuredFont, List<FontCandidate> mainCandidates, List<FontCandidate> supplementaryCandidates) {
        List<FontCandidate> list = new ArrayList<>();
        if (configuredFont != null) {
            list.add(new FontCandidate(configuredFont, null));
        }
        list.addAll(mainCandidates);
        this.mainCandidates = List.copyOf(list);
        this.supplementaryCandidates = List.copyOf(supplementaryCandidates);
    }

    /**
     * The system's fonts, with an optional configured font tried first: the known names (Windows and Debian
     * locations), then what fontconfig lists for Chinese and the OS's font folders ({@link FontCandidate#discovered}),
     * so that e.g. DroidSansFallbackFull.ttf serves when no known font is installed.
     */
    public static FontCache system(Path configuredFont) {
        String windir = System.getenv("WINDIR");
        List<FontCandidate> main = new ArrayList<>(FontCandidate.systemCjkFonts(windir));
        FontCandidate.discovered(FontCandidate.systemFontFolders(windir)).stream()
                .filter(d -> main.stream().noneMatch(k -> k.file().equals(d.file()))).forEach(main::add);
        return new FontCache(configuredFont, main, FontCandidate.systemSupplementaryFonts(windir));
    }

    /** The main CJK font, parsed on first call; empty when no candidate is usable (warned once). */
    Optional<Loaded> main() {
        synchronized (renderLock) {
            if (main == null) {
                main = firstUsable(mainCandidates, PROBE);
                if (main.isEmpty()) {
                    LOG.warn("No TrueType CJK font found (tried {}); receipts fall back to Helvetica and print non-Latin"
                            + " text as '?'. Install fonts-wqy-microhei (Debian) or set receipt.font to a .ttf/.ttc file.",
                            mainCandidates.size() + " files");
                } else {
                    LOG.info("Receipt font: {}", main.get().description());
                }
            }
            return main;
        }
    }

    /** The font for characters beyond the BMP, parsed when first needed; empty when none is installed. */
    Optional<Loaded> supplementary() {
        synchronized (renderLock) {
            if (supplementary == null) {
                supplementary = firstUsable(supplementaryCandidates, 0x20BB7);
                supplementary.ifPresentOrElse(f -> LOG.info("Receipt font for characters beyond the BMP: {}", f.description()),
                        () -> LOG.warn("No font for characters beyond the BMP (tried {}); they print as a box."
                                + " Install fonts-hanazono (Debian).", supplementaryCandidates.stream().map(c -> c.file().toString()).toList()));
            }
            return supplementary;
        }
    }

    /** Whether receipts print Chinese: a usable TrueType CJK font was found (parsed on first call). */
    public boolean isCjk() {
        return main().isPresent();
    }

    /**
     * One line for the status bar and {@code medcard config check}: the font receipts are printed with, or that
     * none was found and Chinese will not print.
     */
    public String receiptFontLine() {
        return main().map(f -> "receipt font: " + f.description())
                .orElse("no Chinese (CJK) TrueType font found: Chinese will not print on receipts"
                        + " (install fonts-wqy-microhei or set receipt.font)");
    }

    /** Held by renderers while they use the parsed fonts. */
    Object renderLock() {
        return renderLock;
    }

    /**
     * Why {@code file} cannot be the receipt font, or empty when it can: it must exist, have TrueType outlines
     * (not CFF) and a Unicode cmap with Chinese characters (中). For validating the {@code receipt.font} setting.
     */
    public static Optional<String> unusable(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.of("does not exist or cannot be read");
        }
        FontCache probe = new FontCache(null, List.of(), List.of());
        try {
            Loaded loaded = probe.load(new FontCandidate(file, null));
            if (loaded.font() instanceof OpenTypeFont otf && otf.isPostScript()) {
                return Optional.of("has CFF (PostScript) outlines, which PDFBox cannot embed; it needs TrueType outlines");
            }
            if (!loaded.has(PROBE)) {
                return Optional.of("has no Chinese characters (no glyph for 中)");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("is not a readable TrueType font (" + e.getMessage() + ")");
        } finally {
            try {
                probe.close();
            } catch (IOException e) {
                LOG.debug("closing the probed font {}: {}", file, e.toString());
            }
        }
    }

    /** How many font files this cache has parsed (stays at 1 or 2 however many documents are rendered). */
    public int parses() {
        return parses.get();
    }

    /** A description of the main font, or of its absence; for diagnostics and the commissioning checklist. */
    public String describe() {
        return main().map(Loaded::description).orElse("none (Helvetica fallback)");
    }

    private Optional<Loaded> firstUsable(List<FontCandidate> candidates, int probe) {
        for (FontCandidate c : candidates) {
            if (!Files.isReadable(c.file())) {
                LOG.debug("Font candidate {} does not exist", c.file());
                continue;
            }
            int opened = open.size();
            try {
                Loaded loaded = load(c);
                if (loaded.font() instanceof OpenTypeFont otf && otf.isPostScript()) {
                    LOG.warn("Font {} has CFF (PostScript) outlines, which PDFBox cannot embed; use a TrueType font", c.file());
                } else if (!loaded.has(probe)) {
                    // debug: the folder scan tries every Latin font on the machine
                    LOG.debug("Font {} lacks the glyph U+{}; not used", c.file(), Integer.toHexString(probe).toUpperCase(Locale.ROOT));
                } else {
                    return Optional.of(loaded);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Font {} could not be read ({}); trying the next candidate", c.file(), e.toString());
            }
            closeFrom(opened); // a rejected candidate's file handles are not kept
        }
        return Optional.empty();
    }

    private void closeFrom(int index) {
        while (open.size() > index) {
            try {
                open.remove(open.size() - 1).close();
            } catch (IOException e) {
                LOG.debug("closing a rejected font: {}", e.toString());
            }
        }
    }

    private Loaded load(FontCandidate c) throws IOException {
        parses.incrementAndGet();
        String fileName = c.file().getFileName().toString().toLowerCase(Locale.ROOT);
        TrueTypeFont font;
        if (fileName.endsWith(".ttc") || fileName.endsWith(".otc")) {
            TrueTypeCollection collection = new TrueTypeCollection(c.file().toFile());
            open.add(collection);
            font = c.faceName() == null ? null : collection.getFontByName(c.faceName());
            if (font == null) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = first[0];
            }
            if (font == null) {
                throw new IOException("the collection holds no font");
            }
        } else {
            font = new TTFParser().parse(new RandomAccessReadBufferedFile(c.file().toFile()));
            open.add(font);
        }
        CmapLookup cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null) {
            throw new IOException("no Unicode cmap");
        }
        return new Loaded(c.file() + " (" + font.getName() + ")", font, cmap);
    }

    @Override
    public void close() throws IOException {
        synchronized (renderLock) {
            for (Closeable c : open) {
                c.close();
            }
            open.clear();
        }
    }
}

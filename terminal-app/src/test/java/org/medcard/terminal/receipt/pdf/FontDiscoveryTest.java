package org.medcard.terminal.receipt.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.testsupport.SystemParts;

/**
 * A CJK TrueType font the known names miss (like DroidSansFallbackFull.ttf) is found in a font folder by what it
 * has, not by its name; the one line for the status bar and {@code config check} names it, or says none was found.
 * Uses real font files from the machine (fonts-hanazono's HanaMinA.ttf, fonts-dejavu-core's DejaVuSans.ttf).
 */
class FontDiscoveryTest {

    private static final Path HANAMIN = Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf");
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @TempDir
    Path dir;

    @Test
    void aCjkFaceWithAnUnknownName_inAFontFolder_isTheReceiptFont_latinFacesAreSkipped() throws IOException {
        SystemParts.need(Files.isReadable(HANAMIN), "HanaMinA.ttf", "apt-get install fonts-hanazono");
        SystemParts.need(Files.isReadable(DEJAVU), "DejaVuSans.ttf", "apt-get install fonts-dejavu-core");
        Path folder = Files.createDirectories(dir.resolve("fonts/truetype/vendor"));
        Files.copy(DEJAVU, folder.resolve("AaLatin.ttf"));
        Files.copy(HANAMIN, folder.resolve("VendorFace.ttf")); // a name no list knows, as DroidSansFallbackFull.ttf
        Files.writeString(folder.resolve("readme.txt"), "not a font");

        List<Path> scanned = FontCandidate.scanFolders(List.of(dir.resolve("fonts"), dir.resolve("missing")));
        assertEquals(List.of(folder.resolve("AaLatin.ttf"), folder.resolve("VendorFace.ttf")), scanned);

        try (FontCache fonts = new FontCache(null, scanned.stream().map(p -> new FontCandidate(p, null)).toList(), List.of())) {
            assertTrue(fonts.isCjk());
            assertTrue(fonts.describe().contains("VendorFace.ttf"), fonts.describe());
            assertTrue(fonts.receiptFontLine().startsWith("receipt font: " + folder.resolve("VendorFace.ttf")), fonts.receiptFontLine());
            assertEquals(2, fonts.parses(), "the Latin face was tried and dropped, the CJK one kept");
        }
    }

    @Test
    void namesThatSuggestCjk_areTriedFirst() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/Arial.ttf"), "x");
        Files.writeString(dir.resolve("a/DroidSansFallbackFull.ttf"), "x");
        Files.writeString(dir.resolve("a/wqy-microhei.ttc"), "x");
        assertEquals(List.of(dir.resolve("a/DroidSansFallbackFull.ttf"), dir.resolve("a/wqy-microhei.ttc"), dir.resolve("a/Arial.ttf")),
                FontCandidate.scanFolders(List.of(dir)));
    }

    @Test
    void onlyLatinFonts_theLineSaysChineseWillNotPrint() throws IOException {
        SystemParts.need(Files.isReadable(DEJAVU), "DejaVuSans.ttf", "apt-get install fonts-dejavu-core");
        try (FontCache fonts = new FontCache(null, List.of(new FontCandidate(DEJAVU, null)), List.of())) {
            assertEquals(false, fonts.isCjk());
            assertEquals("no Chinese (CJK) TrueType font found: Chinese will not print on receipts"
                    + " (install fonts-wqy-microhei or set receipt.font)", fonts.receiptFontLine());
        }
    }
}

package org.medcard.terminal.receipt.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.receipt.SampleDocuments;

/** Without any usable CJK font, documents still print — in Helvetica, with a visible warning. */
class PdfFallbackFontTest {

    @TempDir
    Path dir;

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void noCjkFont_documentSaysSo_replacesChineseWithQuestionMarks_keepsNumbers() throws IOException {
        try (FontCache none = new FontCache(dir.resolve("missing.ttf"), List.of(), List.of())) {
            byte[] pdf = new PdfReceiptRenderer(none).render(SampleDocuments.sale(true), PaperFormat.ROLL_80MM);
            String text = text(pdf);
            assertTrue(text.contains("WARNING: no Chinese (CJK) font found"), text);
            assertTrue(text.contains("TRAINING MODE"), text);
            assertTrue(text.contains(SampleDocuments.MASKED_ID), text);
            assertTrue(text.contains(SampleDocuments.TAC), text);
            assertTrue(text.contains("S20261122000123"), text);
            assertTrue(text.contains("61.80"), text);
            assertTrue(text.contains("?? Name"), "姓名 becomes ??: " + text);
            assertFalse(text.contains(SampleDocuments.ID_NUMBER), text);
            assertEquals("none (Helvetica fallback)", none.describe());
        }
    }

    @Test
    void aConfiguredFileThatIsNoFont_isSkippedWithAWarning_notACrash() throws IOException {
        Path bogus = Files.writeString(dir.resolve("bogus.ttf"), "not a font");
        try (FontCache cache = new FontCache(bogus, List.of(), List.of())) {
            assertTrue(cache.main().isEmpty());
            byte[] pdf = new PdfReceiptRenderer(cache).render(SampleDocuments.dayClose(false), PaperFormat.A4);
            assertTrue(text(pdf).contains("WARNING"));
        }
    }
}

package org.medcard.terminal.receipt.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.testsupport.SystemParts;

/**
 * Every document rendered with the system's CJK font and read back with PDFBox's text extraction: the
 * institution, masked numbers (never the full ID number), amounts, TAC, setl_id and TRAINING MODE are there.
 * Needs fonts-wqy-microhei (a system part); the character beyond the BMP needs fonts-hanazono.
 */
class ReceiptPdfIT {

    private static FontCache fonts;
    private static PdfReceiptRenderer renderer;

    @BeforeAll
    static void openFonts() {
        fonts = FontCache.system(null);
        renderer = new PdfReceiptRenderer(fonts);
    }

    /** Per test, not in {@code @BeforeAll}: a class-level abort reaches the report as "0 tests", without the reason. */
    @BeforeEach
    void needCjkFont() {
        SystemParts.need(fonts.isCjk(), "a TrueType CJK font for receipts", "apt-get install fonts-wqy-microhei, or set receipt.font");
    }

    @AfterAll
    static void closeFonts() throws IOException {
        if (fonts != null) {
            fonts.close();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @ParameterizedTest
    @EnumSource(PaperFormat.class)
    void everyDocument_showsInstitutionTerminalOperatorTimeAndTrainingMode(PaperFormat paper) throws IOException {
        for (ReceiptDocument d : SampleDocuments.all(true)) {
            String text = text(renderer.render(d, paper));
            String what = d.getClass().getSimpleName() + " on " + paper + ":\n" + text;
            assertTrue(text.contains(SampleDocuments.INSTITUTION), what);
            assertTrue(text.contains("P11010100001"), what);
            assertTrue(text.contains("T01"), what);
            assertTrue(text.contains("cashier01"), what);
            assertTrue(text.contains("2026-11-22 10:15:02"), what);
            assertTrue(text.contains("TRAINING MODE"), what);
            assertFalse(text.contains(SampleDocuments.ID_NUMBER), "full ID number printed: " + what);
            assertFalse(text.contains(SampleDocuments.CARD_NUMBER), "full card number printed: " + what);
            assertFalse(text.contains("44030419850101123X"), "full ID number printed: " + what);
        }
    }

    @Test
    void documentsOutsideTrainingMode_doNotSayTrainingMode() throws IOException {
        for (ReceiptDocument d : SampleDocuments.all(false)) {
            assertFalse(text(renderer.render(d, PaperFormat.ROLL_80MM)).contains("TRAINING MODE"), d.getClass().getSimpleName());
        }
    }

    @ParameterizedTest
    @EnumSource(PaperFormat.class)
    void saleReceipt_showsMaskedNumbersSplitBalanceTacAndSetlId(PaperFormat paper) throws IOException {
        String text = text(renderer.render(SampleDocuments.sale(true), paper));
        assertTrue(text.contains(SampleDocuments.MASKED_ID), text);
        assertTrue(text.contains(SampleDocuments.MASKED_CARD), text);
        assertTrue(text.contains("61.80"), "total: " + text);
        assertTrue(text.contains("0.00"), "fund_pay: " + text);
        assertTrue(text.contains("50.00"), "acct_pay: " + text);
        assertTrue(text.contains("11.80"), "cash_pay: " + text);
        assertTrue(text.contains("1234.56"), "balance after: " + text);
        assertTrue(text.contains(SampleDocuments.TAC), text);
        assertTrue(text.contains("S20261122000123"), text);
        assertTrue(text.contains("阿莫西林胶囊"), text);
    }

    @Test
    void registrationSlip_showsVisitFeeSplitAndTac() throws IOException {
        String text = text(renderer.render(SampleDocuments.registration(true), PaperFormat.ROLL_80MM));
        for (String s : List.of("M20261122000045", "心血管内科", "50.00", "35.00", "15.00", "1219.56", "1A2B3C4D",
                "S20261122000124", SampleDocuments.MASKED_ID, SampleDocuments.MASKED_CARD)) {
            assertTrue(text.contains(s), s + " missing in:\n" + text);
        }
    }

    @Test
    void cashReceipt_carriesEntryNumberAndTheResettlementSentence() throws IOException {
        String text = text(renderer.render(SampleDocuments.cash(true), PaperFormat.ROLL_80MM));
        assertTrue(text.contains("T01-000017"), text);
        assertTrue(text.replace("\n", "").replace("\r", "").contains("re-settled at this institution"), text);
        assertTrue(text.contains("本机构重新结算"), text);
        assertTrue(text.contains("61.80"), text);
        assertTrue(text.contains("读卡器无响应"), text);
        assertTrue(text.contains(SampleDocuments.MASKED_ID), text);
    }

    @Test
    void resettlementReceipt_showsOriginalEntryAndRefund() throws IOException {
        String text = text(renderer.render(SampleDocuments.resettlement(true), PaperFormat.A4));
        for (String s : List.of("re-settlement of entry T01-000017", "2026-11-19 10:15:02", "61.80", "12.00", "40.00",
                "9.80", "52.00", "0BADF00D", "S20261125000007", "834.56")) {
            assertTrue(text.contains(s), s + " missing in:\n" + text);
        }
    }

    @Test
    void voidReceipt_showsOriginalSetlIdAndRefunds() throws IOException {
        String text = text(renderer.render(SampleDocuments.voidReceipt(true), PaperFormat.ROLL_80MM));
        for (String s : List.of("S20261122000123", "开错药品", "50.00", "11.80", "77AA55EE", "1284.56")) {
            assertTrue(text.contains(s), s + " missing in:\n" + text);
        }
    }

    @ParameterizedTest
    @EnumSource(PaperFormat.class)
    void dayCloseReport_showsTotalsReconciliationQueueAndMaskedOpenEntries(PaperFormat paper) throws IOException {
        String text = text(renderer.render(SampleDocuments.dayClose(true), paper));
        for (String s : List.of("2026-11-22", "1234.00", "987.65", "45", "MISMATCH", "T01-000017", "T01-000019",
                "2026-11-19", "440***********123X", SampleDocuments.MASKED_ID, "50.00", "61.80", "OPEN")) {
            assertTrue(text.contains(s), s + " missing in:\n" + text);
        }
    }

    @Test
    void commissioningReport_listsEachCheckWithPassOrFailAndSignOff() throws IOException {
        String text = text(renderer.render(SampleDocuments.commissioning(true), PaperFormat.A4));
        for (String s : List.of("PSAM", "PASS", "FAIL", "did not open", "(4/5)", "Sign-off", "Technician", "tech07")) {
            assertTrue(text.contains(s), s + " missing in:\n" + text);
        }
    }

    @Test
    void nameBeyondTheBmp_rendersWithTheSupplementaryFont() throws IOException {
        SystemParts.need(fonts.supplementary().isPresent(), "a TrueType font with CJK Extension B (U+20BB7)",
                "apt-get install fonts-hanazono");
        String text = text(renderer.render(SampleDocuments.sale(true), PaperFormat.ROLL_80MM));
        assertTrue(text.contains(SampleDocuments.NAME), "𠮷 should come from " + fonts.supplementary().get().description() + ":\n" + text);
    }

    @Test
    void nameBeyondTheBmp_withoutASupplementaryFont_printsAVisibleBox_notACrash() throws IOException {
        try (FontCache mainOnly = new FontCache(null, FontCandidate.systemCjkFonts(null), List.of())) {
            String text = text(new PdfReceiptRenderer(mainOnly).render(SampleDocuments.sale(true), PaperFormat.ROLL_80MM));
            assertTrue(text.contains("张□祥"), text);
            assertTrue(text.contains(SampleDocuments.MASKED_ID), text);
        }
    }

    @Test
    void configuredFontPath_isUsedBeforeTheSystemCandidates() throws IOException {
        Path hanaMin = Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf");
        SystemParts.need(Files.isReadable(hanaMin), "HanaMinA.ttf", "apt-get install fonts-hanazono");
        try (FontCache configured = FontCache.system(hanaMin)) {
            assertTrue(configured.describe().contains("HanaMinA"), configured.describe());
            String text = text(new PdfReceiptRenderer(configured).render(SampleDocuments.sale(true), PaperFormat.ROLL_80MM));
            assertTrue(text.contains(SampleDocuments.NAME), text);
        }
    }

    @Test
    void fontsAreParsedOncePerProcess_notPerDocument() {
        int before = fonts.parses();
        for (int i = 0; i < 5; i++) {
            SampleDocuments.all(true).forEach(d -> renderer.render(d, PaperFormat.ROLL_80MM));
        }
        assertEquals(before, fonts.parses());
    }

    @Test
    void fontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = renderer.render(SampleDocuments.sale(true), PaperFormat.ROLL_80MM);
        assertTrue(pdf.length < 200_000, "a subset is a few tens of KB, got " + pdf.length + " bytes");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var page = doc.getPage(0);
            boolean subset = false;
            for (var name : page.getResources().getFontNames()) {
                String base = page.getResources().getFont(name).getName();
                subset |= base != null && base.matches("[A-Z]{6}\\+.*");
            }
            assertTrue(subset, "expected a subset font (ABCDEF+Name)");
        }
    }

    @Test
    void sameDataGivesTheSameDocument_soReprintsMatch() throws IOException {
        assertEquals(text(renderer.render(SampleDocuments.dayClose(true), PaperFormat.A4)),
                text(renderer.render(SampleDocuments.dayClose(true), PaperFormat.A4)));
    }

    @Test
    void everyDocument_rendersToPng_forTheDocsAndAHumanLook() throws IOException {
        Path dir = Path.of("target", "receipts-png");
        Files.createDirectories(dir);
        for (PaperFormat paper : PaperFormat.values()) {
            for (ReceiptDocument d : SampleDocuments.all(true)) {
                try (PDDocument doc = Loader.loadPDF(renderer.render(d, paper))) {
                    BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, paper == PaperFormat.A4 ? 100 : 203);
                    Path file = dir.resolve(d.toSheet().kind() + "-" + paper.name().toLowerCase(java.util.Locale.ROOT) + ".png");
                    ImageIO.write(image, "png", file.toFile());
                    assertTrue(Files.size(file) > 1_000, file + " is empty");
                    assertTrue(image.getHeight() > image.getWidth() / 2, file + " has no content height");
                }
            }
        }
    }
}

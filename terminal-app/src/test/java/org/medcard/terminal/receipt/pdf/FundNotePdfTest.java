package org.medcard.terminal.receipt.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medcard.terminal.receipt.FundNote;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.testsupport.SystemParts;

/** Issue 15: the printed sale receipt says why the fund paid 0, in both languages, on both paper formats. */
class FundNotePdfTest {

    @Test
    void theFundsZeroReason_isOnThePdf() throws IOException {
        SaleReceipt r = SampleDocuments.sale(false).withFundNote(new FundNote("R12", null));
        try (FontCache fonts = FontCache.system(null)) {
            SystemParts.need(fonts.isCjk(), "a TrueType CJK font for receipts", "apt-get install fonts-wqy-microhei, or set receipt.font");
            for (PaperFormat paper : PaperFormat.values()) {
                String text;
                try (PDDocument doc = Loader.loadPDF(new PdfReceiptRenderer(fonts).render(r, paper))) {
                    text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                }
                // A wrapped line breaks the Chinese sentence anywhere: compared without the breaks.
                assertTrue(text.replace(" ", "").contains("异地参保卡未在医保中心办理异地就医备案（R12）"), paper + ": " + text);
                assertTrue(text.contains("without cross-region filing at the center (R12)"), paper + ": " + text);
            }
        }
    }
}

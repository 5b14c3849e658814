package org.medcard.terminal.receipt.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.print.PageFormat;
import java.io.IOException;
import java.util.List;

import javax.print.PrintService;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.junit.jupiter.api.Test;
import org.medcard.terminal.receipt.PrintFault;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.receipt.pdf.PaperFormat;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;

class OsPrinterTest {

    @Test
    void unknownPrinter_isAFaultThatNamesThePrintersPresent() {
        OsPrinter printer = new OsPrinter(() -> new PrintService[0]);
        PrintFault f = assertThrows(PrintFault.class, () -> printer.print(new byte[0], "Counter-1", "sale-receipt"));
        assertTrue(f.getMessage().contains("'Counter-1' not found"), f.getMessage());
        assertTrue(f.getMessage().contains("printers present: none"), f.getMessage());
    }

    @Test
    void reloadedRollReceipt_printsAtItsOwnPaperSize_notScaledToA4() throws IOException {
        try (FontCache fonts = new FontCache(null, List.of(), List.of())) {
            byte[] pdf = new PdfReceiptRenderer(fonts).render(SampleDocuments.sale(false), PaperFormat.ROLL_80MM);
            try (PDDocument reloaded = Loader.loadPDF(pdf)) {
                PDFPageable pageable = OsPrinter.pageable(reloaded);
                assertEquals(1, pageable.getNumberOfPages());
                PageFormat format = pageable.getPageFormat(0);
                assertEquals(80 * 72 / 25.4, format.getWidth(), 0.5, "80 mm in points");
                assertTrue(format.getHeight() > format.getWidth(), "a roll receipt is taller than wide");
            }
        }
    }
}

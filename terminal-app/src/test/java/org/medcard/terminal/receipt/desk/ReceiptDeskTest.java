package org.medcard.terminal.receipt.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.config.PrinterChoice;
import org.medcard.terminal.config.ReceiptSettings;
import org.medcard.terminal.receipt.PrintFault;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;
import org.medcard.terminal.receipt.print.OsPrinter;
import org.medcard.terminal.receipt.sheet.SheetElement;
import org.medcard.terminal.store.TerminalDb;

/**
 * The receipt desk on a real terminal.db file: every document kind survives the journal unchanged, a reprint is
 * marked and counted, and the ESC/POS path gets the REPRINT banner in GB18030 and no drawer kick. The printer is
 * a plain file standing in for the device (the pty path is covered by EscPosPtyIT).
 */
class ReceiptDeskTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final byte[] DRAWER_KICK = {0x1B, 0x70, 0x00, 0x19, (byte) 0xFA};

    @TempDir
    Path dir;

    private TerminalDb db;
    private FontCache fonts;

    @BeforeEach
    void open() {
        db = TerminalDb.open(dir.resolve("terminal.db"));
        fonts = FontCache.system(null);
    }

    @AfterEach
    void close() throws Exception {
        fonts.close();
        db.close();
    }

    private ReceiptDesk desk(PrinterChoice printer) {
        return new ReceiptDesk(new ReceiptJournal(db), new PdfReceiptRenderer(fonts),
                new ReceiptSettings(null, ReceiptSettings.Paper.ROLL_80MM, printer), new ReceiptPrinter(printer, new OsPrinter()), CLOCK);
    }

    @Test
    void everyDocumentKind_comesBackFromTheJournalEqual_evenAfterReopeningTheFile() {
        List<ReceiptDocument> all = SampleDocuments.all(true);
        ReceiptDesk desk = desk(PrinterChoice.none());
        for (ReceiptDocument d : all) {
            desk.issue(d);
        }
        db.close();
        db = TerminalDb.open(dir.resolve("terminal.db"));
        ReceiptJournal journal = new ReceiptJournal(db);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i), journal.document(i + 1).orElseThrow(), "receipt " + (i + 1));
            assertEquals(all.get(i).toSheet(), journal.document(i + 1).orElseThrow().toSheet());
        }
        List<ReceiptJournal.Entry> listed = journal.list(SampleDocuments.TIME.toLocalDate());
        assertEquals(all.size(), listed.size());
        assertEquals("sale-receipt", listed.get(0).kind());
        assertEquals(SampleDocuments.MASKED_CARD, listed.get(0).cardMasked());
        assertTrue(listed.get(0).training());
        assertEquals(List.of(), journal.list(LocalDate.of(2026, 11, 21)));
        assertEquals(listed, journal.listAll(), "every day: here all were issued on one");
        assertThrows(NullPointerException.class, () -> journal.list(null), "no day is not \"every day\": that is listAll()");
        assertEquals(SampleDocuments.sale(true), journal.bySetlId(SampleDocuments.sale(true).setlId()).orElseThrow(),
                "a void finds the sale it cancels, not itself");
        assertEquals(SampleDocuments.cash(true), journal.byEntryNo(SampleDocuments.cash(true).entryNo()).orElseThrow());
    }

    @Test
    void theJournalKeepsNoPdfAndTheFullNumbersOnlyInTheRecord_paperStaysMasked() throws Exception {
        ReceiptDesk desk = desk(PrinterChoice.none());
        ReceiptDesk.Issued issued = desk.issue(SampleDocuments.sale(false));
        String plain = issued.sheet().plainText();
        assertTrue(plain.contains(SampleDocuments.MASKED_ID));
        assertFalse(plain.contains(SampleDocuments.ID_NUMBER));
        assertFalse(issued.sheet().plainText().contains("REPRINT"));
    }

    @Test
    void reprint_isMarkedCountedAndKeepsTheOriginalFigures() {
        ReceiptDesk desk = desk(PrinterChoice.none());
        long id = desk.issue(SampleDocuments.cash(true)).id();
        ReceiptDesk.Issued first = desk.reprint(id).orElseThrow();
        ReceiptDesk.Issued second = desk.reprint(id).orElseThrow();
        assertEquals(1, first.reprint());
        assertEquals(2, second.reprint());
        assertEquals(SampleDocuments.cash(true), second.document());
        List<SheetElement> elements = second.sheet().elements();
        assertEquals(new SheetElement.Banner(ReceiptDesk.REPRINT), elements.get(2), "right under the title");
        assertEquals(new SheetElement.Banner(ReceiptDesk.REPRINT), elements.get(elements.size() - 1), "and at the end");
        assertTrue(second.sheet().plainText().contains("copy 2, 2026-11-24 09:00:00"), second.sheet().plainText());
        assertTrue(second.sheet().plainText().contains(SampleDocuments.cash(true).entryNo()));
        assertEquals(2, desk.listAll().get(0).reprints());
        assertTrue(desk.reprint(id + 1).isEmpty());
        assertFalse(second.cashChangesHands(), "a reprint never opens the drawer");
        assertTrue(desk.issue(SampleDocuments.cash(true)).cashChangesHands(), "a cash receipt does");
    }

    @Test
    void escPosPrinter_getsTheSheetInGb18030_drawerOnlyForTheOriginalCashReceipt() throws Exception {
        Path device = Files.createFile(dir.resolve("printer.bin"));
        ReceiptDesk desk = desk(PrinterChoice.parse("escpos:" + device));
        ReceiptDesk.Issued cash = desk.issue(SampleDocuments.cash(true));
        desk.print(cash);
        byte[] original = Files.readAllBytes(device);
        assertArrayEquals(new byte[] {0x1B, 0x40}, java.util.Arrays.copyOf(original, 2), "ESC @ first");
        assertTrue(indexOf(original, DRAWER_KICK) >= 0, "cash changed hands: the drawer opens");
        assertTrue(indexOf(original, "现金收据".getBytes(Charset.forName("GB18030"))) >= 0);

        Files.write(device, new byte[0]);
        desk.print(desk.reprint(cash.id()).orElseThrow());
        byte[] copy = Files.readAllBytes(device);
        assertTrue(indexOf(copy, "重印 REPRINT".getBytes(Charset.forName("GB18030"))) >= 0, "the reprint says so on paper");
        assertEquals(-1, indexOf(copy, DRAWER_KICK), "no drawer on a reprint");
        assertFalse(new String(copy, Charset.forName("GB18030")).contains(SampleDocuments.ID_NUMBER));
    }

    @Test
    void noPrinterConfigured_isAPrintFaultThatSaysWhatToSet() {
        ReceiptDesk desk = desk(PrinterChoice.none());
        PrintFault f = assertThrows(PrintFault.class, () -> desk.print(desk.issue(SampleDocuments.sale(true))));
        assertTrue(f.getMessage().contains("printer=escpos:"), f.getMessage());
    }

    @Test
    void savedPdf_isOnTheConfiguredPaper() throws Exception {
        ReceiptDesk desk = new ReceiptDesk(new ReceiptJournal(db), new PdfReceiptRenderer(fonts),
                new ReceiptSettings(null, ReceiptSettings.Paper.A4, PrinterChoice.none()),
                new ReceiptPrinter(PrinterChoice.none(), new OsPrinter()), CLOCK);
        Path file = dir.resolve("sub/day.pdf");
        desk.save(desk.issue(SampleDocuments.dayClose(true)), file);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            assertEquals(595.276f, doc.getPage(0).getMediaBox().getWidth(), 0.5f, "A4 width");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

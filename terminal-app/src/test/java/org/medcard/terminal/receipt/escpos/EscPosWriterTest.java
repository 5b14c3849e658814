package org.medcard.terminal.receipt.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.terminal.receipt.sheet.Align;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement;

class EscPosWriterTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private final EscPosWriter writer = new EscPosWriter(EscPosWriter.COLUMNS_80MM, false);

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void job_startsWithInitAndChineseMode_andEndsWithCut() {
        byte[] job = writer.write(SampleDocuments.sale(true), false);
        assertArrayEquals(new byte[] {0x1B, 0x40, 0x1C, 0x26}, Arrays.copyOf(job, 4));
        assertArrayEquals(new byte[] {0x1D, 0x56, 0x42, 0x00}, Arrays.copyOfRange(job, job.length - 4, job.length));
        assertEquals(-1, indexOf(job, EscPos.DRAWER_KICK));
    }

    @Test
    void cashDrawerKick_onlyWhenAsked_beforeTheCut() {
        byte[] job = writer.write(SampleDocuments.cash(true), true);
        int kick = indexOf(job, new byte[] {0x1B, 0x70, 0x00, 0x19, (byte) 0xFA});
        assertTrue(kick > 0);
        assertEquals(job.length - 4 - 5, kick);
    }

    @Test
    void chineseTextIsGb18030() {
        byte[] job = writer.write(SampleDocuments.sale(false), false);
        byte[] institution = SampleDocuments.INSTITUTION.getBytes(GB18030);
        assertArrayEquals(new byte[] {(byte) 0xB1, (byte) 0xB1, (byte) 0xBE, (byte) 0xA9}, Arrays.copyOf(institution, 4), "北京 in GB18030");
        assertTrue(indexOf(job, institution) > 0);
        assertTrue(indexOf(job, "阿莫西林胶囊".getBytes(GB18030)) > 0);
    }

    @Test
    void fullIdAndCardNumbersNeverReachThePrinter_maskedOnesDo() {
        for (ReceiptDocument d : SampleDocuments.all(true)) {
            String text = new String(writer.write(d, false), GB18030);
            assertFalse(text.contains(SampleDocuments.ID_NUMBER), d.getClass().getSimpleName());
            assertFalse(text.contains(SampleDocuments.CARD_NUMBER), d.getClass().getSimpleName());
            assertFalse(text.contains("44030419850101123X"), d.getClass().getSimpleName());
            assertTrue(text.contains("TRAINING MODE"), d.getClass().getSimpleName());
        }
        String sale = new String(writer.write(SampleDocuments.sale(true), false), GB18030);
        assertTrue(sale.contains(SampleDocuments.MASKED_ID));
        assertTrue(sale.contains(SampleDocuments.MASKED_CARD));
        assertTrue(sale.contains(SampleDocuments.TAC));
        assertTrue(sale.contains("S20261122000123"));
        assertTrue(sale.contains("61.80"));
    }

    @Test
    void characterBeyondTheBmp_isBoxedForAGbkPrinter_andSentAsFourBytesWhenThePrinterHasIt() {
        byte[] gbk = writer.write(SampleDocuments.sale(true), false);
        assertTrue(indexOf(gbk, "张□祥".getBytes(GB18030)) > 0);
        byte[] full = new EscPosWriter(EscPosWriter.COLUMNS_80MM, true).write(SampleDocuments.sale(true), false);
        byte[] name = SampleDocuments.NAME.getBytes(GB18030);
        assertEquals(2 + 4 + 2, name.length, "张 and 祥 are two bytes, 𠮷 four");
        assertTrue(indexOf(full, name) > 0);
    }

    @Test
    void field_fillsTheLineExactly_hanziCountingTwoColumns() {
        List<String> lines = writer.field("合计 Total", "61.80");
        assertEquals(1, lines.size());
        assertEquals(48, EscPosWriter.width(lines.get(0)));
        assertTrue(lines.get(0).startsWith("合计 Total ") && lines.get(0).endsWith(" 61.80"));
    }

    @Test
    void everyPrintedLine_fitsTheColumns() {
        for (int columns : new int[] {EscPosWriter.COLUMNS_80MM, EscPosWriter.COLUMNS_58MM}) {
            EscPosWriter w = new EscPosWriter(columns, false);
            for (ReceiptDocument d : SampleDocuments.all(true)) {
                String text = new String(w.write(d, false), GB18030).replaceAll("[\\x1B\\x1C\\x1D].{1,2}", "");
                for (String line : text.split("\n")) {
                    // Title lines print double width: the writer wraps them at half the columns.
                    assertTrue(EscPosWriter.width(line) <= columns, columns + " columns exceeded in " + d.getClass().getSimpleName() + ": '" + line + "'");
                }
            }
        }
    }

    @Test
    void controlCharactersInData_cannotInjectPrinterCommands() {
        Sheet sheet = new Sheet("t", "t", List.of(new SheetElement.Text("name\u001B\u0070\u0000 evil", Align.LEFT, false)));
        byte[] job = writer.write(sheet, false);
        assertEquals(-1, indexOf(job, new byte[] {0x1B, 0x70, 0x00, 0x20}));
        assertTrue(indexOf(job, "name p  evil".getBytes(GB18030)) > 0, "ESC and NUL became spaces");
    }

    @Test
    void boldAndCentredTitle() {
        byte[] job = writer.write(SampleDocuments.sale(true), false);
        byte[] title = SampleDocuments.INSTITUTION.getBytes(GB18030);
        int at = indexOf(job, title);
        byte[] before = Arrays.copyOfRange(job, at - 9, at);
        assertArrayEquals(new byte[] {0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1D, 0x21, 0x11}, before);
    }
}

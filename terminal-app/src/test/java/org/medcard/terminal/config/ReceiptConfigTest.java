package org.medcard.terminal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.medcard.testsupport.SystemParts;
import org.junit.jupiter.api.io.TempDir;

/** {@code receipt.font}, {@code receipt.paper} and the ESC/POS {@code printer} with its baud rate, validated at start. */
class ReceiptConfigTest {

    private static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @TempDir
    Path dir;

    private TerminalConfig load(String text) throws IOException {
        Path file = dir.resolve("medcard.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new ConfigLoader(dir).load(file, Map.of()).config();
    }

    private ConfigException.Problem only(String text) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void defaults_systemFonts80mmNoPrinter() throws IOException {
        ReceiptSettings r = load("").receipt();
        assertNull(r.font());
        assertEquals(ReceiptSettings.Paper.ROLL_80MM, r.paper());
        assertEquals(PrinterChoice.none(), r.printer());
    }

    @Test
    void a4PaperAndAnEscPosPrinterAt19200Baud() throws IOException {
        ReceiptSettings r = load("receipt.paper=A4\nprinter=escpos:/dev/ttyUSB1@19200\n").receipt();
        assertEquals(ReceiptSettings.Paper.A4, r.paper());
        assertEquals(new PrinterChoice(PrinterChoice.Kind.ESCPOS, "/dev/ttyUSB1", 19200), r.printer());
    }

    @Test
    void aCjkTrueTypeFontIsAccepted() throws IOException {
        SystemParts.need(Files.exists(WQY), "fonts-wqy-microhei", "apt-get install fonts-wqy-microhei");
        assertEquals(WQY, load("receipt.font=" + WQY + "\n").receipt().font());
    }

    @Test
    void aMissingFont_namesTheKeyAndTheFix() throws IOException {
        ConfigException.Problem p = only("receipt.font=" + dir.resolve("nope.ttf") + "\n");
        assertEquals("receipt.font", p.key());
        assertTrue(p.toString().contains("does not exist"), p.toString());
        assertTrue(p.toString().contains("wqy-microhei.ttc"), "the fix names a font that works: " + p);
    }

    @Test
    void aFileThatIsNoFont_isRefusedAtStart() throws IOException {
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");
        ConfigException.Problem p = only("receipt.font=" + notAFont + "\n");
        assertEquals("receipt.font", p.key());
        assertTrue(p.toString().contains("not a readable TrueType font"), p.toString());
    }

    @Test
    void aTrueTypeFontWithoutChinese_isRefusedAtStart() throws IOException {
        assumeTrue(Files.exists(DEJAVU), "fonts-dejavu-core is not installed");
        ConfigException.Problem p = only("receipt.font=" + DEJAVU + "\n");
        assertTrue(p.toString().contains("no Chinese characters"), p.toString());
    }

    @Test
    void badPaperAndBadBaud_areReportedTogether() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load("receipt.paper=letter\nprinter=escpos:COM3@fast\n"));
        assertEquals(List.of("printer", "receipt.paper"), e.problems().stream().map(ConfigException.Problem::key).sorted().toList());
        assertTrue(e.getMessage().contains("80mm (thermal roll) or A4"), e.getMessage());
        assertTrue(e.getMessage().contains("escpos:/dev/ttyUSB1@19200"), e.getMessage());
    }

    @Test
    void receiptKeysAreKnown_notWarnedAbout() throws IOException {
        Path file = dir.resolve("medcard.properties");
        Files.writeString(file, "receipt.paper=80mm\nreceipt.font=\n", StandardCharsets.UTF_8);
        assertEquals(List.of(), new ConfigLoader(dir).load(file, Map.of()).warnings());
    }
}

package org.medcard.terminal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code printer} setting: none, os:NAME, escpos:DEVICE with an optional @BAUD. */
class PrinterChoiceTest {

    @Test
    void escPosWithoutBaud_is9600() {
        assertEquals(new PrinterChoice(PrinterChoice.Kind.ESCPOS, "/dev/ttyUSB1", 9600), PrinterChoice.parse("escpos:/dev/ttyUSB1"));
    }

    @Test
    void escPosWithBaud_onLinuxAndWindows() {
        assertEquals(new PrinterChoice(PrinterChoice.Kind.ESCPOS, "/dev/ttyUSB1", 19200), PrinterChoice.parse("escpos:/dev/ttyUSB1@19200"));
        assertEquals(new PrinterChoice(PrinterChoice.Kind.ESCPOS, "COM3", 115200), PrinterChoice.parse("escpos:COM3@115200"));
        assertEquals("escpos:COM3@115200", PrinterChoice.parse("escpos:COM3@115200").toString());
    }

    @Test
    void osPrinterNamesMayHoldSpacesAndAt() {
        assertEquals(new PrinterChoice(PrinterChoice.Kind.OS, "Receipt Printer @ Counter 2", 0),
                PrinterChoice.parse("os:Receipt Printer @ Counter 2"));
    }

    @Test
    void noneAndEmpty() {
        assertEquals(PrinterChoice.none(), PrinterChoice.parse("none"));
        assertEquals(PrinterChoice.none(), PrinterChoice.parse(""));
    }

    @Test
    void badBaudOrMissingDevice_sayWhat() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PrinterChoice.parse("escpos:/dev/ttyUSB1@fast"))
                .getMessage().contains("'fast' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PrinterChoice.parse("escpos:/dev/ttyUSB1@300"))
                .getMessage().contains("1200"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PrinterChoice.parse("escpos:"))
                .getMessage().contains("needs a printer name or device"));
        assertThrows(IllegalArgumentException.class, () -> PrinterChoice.parse("lpt1"));
    }
}

package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Rectangle;

import org.junit.jupiter.api.Test;

/** The window's bounds for a screen's usable area (no display needed: a pure function of the area). */
class WindowBoundsTest {

    @Test
    void upTo1920Wide_theWindowTakesTheWholeUsableArea() {
        assertEquals(new Rectangle(0, 0, 1024, 768), MainWindow.bounds(new Rectangle(0, 0, 1024, 768)));
        assertEquals(new Rectangle(0, 0, 1366, 728), MainWindow.bounds(new Rectangle(0, 0, 1366, 728)), "1366×768 less a task bar");
        assertEquals(new Rectangle(0, 27, 1920, 1053), MainWindow.bounds(new Rectangle(0, 27, 1920, 1053)));
    }

    @Test
    void widerScreens_get1280x860InTheMiddle_neverMoreThanTheArea() {
        assertEquals(new Rectangle(640, 290, 1280, 860), MainWindow.bounds(new Rectangle(0, 0, 2560, 1440)));
        assertEquals(new Rectangle(1280, 0, 1280, 600), MainWindow.bounds(new Rectangle(0, 0, 3840, 600)));
    }
}

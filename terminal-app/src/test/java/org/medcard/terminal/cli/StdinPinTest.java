package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The stdin PIN is read as chars, up to the end of the first line and not one byte further. */
class StdinPinTest {

    @Test
    void readsTheFirstLineOnly_leavingTheRestForWhoeverReadsNext() throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream("123456\r\nsupervisor-password\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("123456".toCharArray(), StdinPin.firstLineOf(in).pin());
        assertEquals("\nsupervisor-password\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void emptyInputIsNoPin() {
        assertNull(StdinPin.firstLineOf(new ByteArrayInputStream(new byte[0])).pin());
        assertNull(StdinPin.firstLineOf(new ByteArrayInputStream("\n".getBytes(StandardCharsets.US_ASCII))).pin());
    }
}

package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class YuanTest {

    @Test
    void fenPrintAsYuanWithTwoDecimals_whateverTheDefaultLocale() {
        assertEquals("1286.50", Yuan.format(128_650));
        assertEquals("0.05", Yuan.format(5));
        assertEquals("0.00", Yuan.format(0));
        assertEquals("-12.30", Yuan.format(-1_230));
        assertEquals("unknown", Yuan.format(-1));
    }
}

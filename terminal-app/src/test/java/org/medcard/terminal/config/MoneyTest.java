package org.medcard.terminal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The terminal's one yuan formatter: every screen, receipt, message and CLI line prints fen through it. */
class MoneyTest {

    @Test
    void fenPrintAsYuanWithTwoDecimals_whateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.GERMANY, new Locale("ar", "EG")}) {
                Locale.setDefault(l);
                assertEquals("1286.50", Money.formatYuan(128_650), l.toString());
                assertEquals("0.05", Money.formatYuan(5), l.toString());
                assertEquals("0.00", Money.formatYuan(0), l.toString());
                assertEquals("12.30", Money.formatYuan(1_230), l.toString());
                assertEquals("-12.30", Money.formatYuan(-1_230), l.toString());
                assertEquals("-0.05", Money.formatYuan(-5), l.toString());
                assertEquals("20000.00", Money.formatYuan(2_000_000), l.toString());
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theLargestAmountsFormatExactly_andParseBack() {
        assertEquals("92233720368547758.07", Money.formatYuan(Long.MAX_VALUE));
        assertEquals("-92233720368547758.08", Money.formatYuan(Long.MIN_VALUE));
        for (long fen : new long[] {0, 1, 99, 100, 12_345, Long.MAX_VALUE}) {
            assertEquals(fen, Money.parseYuan(Money.formatYuan(fen)));
        }
    }
}

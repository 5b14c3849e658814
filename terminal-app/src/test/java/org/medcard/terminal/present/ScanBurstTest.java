package org.medcard.terminal.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issue 15: a scanner's burst (≥ 6 characters, < 30 ms apart, then Enter) told from typing by its speed. */
class ScanBurstTest {

    private static long type(ScanBurst b, String text, long from, long gapMs) {
        long t = from;
        for (char c : text.toCharArray()) {
            b.typed(c, t);
            t += gapMs;
        }
        return t - gapMs;
    }

    @Test
    void aScannersBurst_isACode() {
        ScanBurst b = new ScanBurst();
        long last = type(b, "XJ01CAA001", 1_000, 3);
        assertEquals(Optional.of("XJ01CAA001"), b.enter(last + 4));
    }

    @Test
    void typing_isNot_evenAFastTypist() {
        ScanBurst b = new ScanBurst();
        long last = type(b, "123456", 1_000, 80);
        assertEquals(Optional.empty(), b.enter(last + 80));
    }

    @Test
    void fiveFastCharacters_areTooFewForACode() {
        ScanBurst b = new ScanBurst();
        long last = type(b, "12345", 1_000, 2);
        assertEquals(Optional.empty(), b.enter(last + 2));
    }

    @Test
    void aPauseBeforeEnter_isTyping() {
        ScanBurst b = new ScanBurst();
        long last = type(b, "XJ01CAA001", 1_000, 2);
        assertEquals(Optional.empty(), b.enter(last + ScanBurst.MAX_GAP_MS));
    }

    @Test
    void slowKeysThenABurst_onlyTheBurstCounts() {
        ScanBurst b = new ScanBurst();
        long t = type(b, "12", 1_000, 200);
        long last = type(b, "XM01AEB002", t + 500, 5);
        assertEquals(Optional.of("XM01AEB002"), b.enter(last + 5));
        assertEquals(Optional.empty(), b.enter(last + 10), "a fresh start after Enter");
    }

    @Test
    void theKeyBuffer_keepsLinesAndTheRest_inOrder() {
        KeyBuffer k = new KeyBuffer();
        "XJ01CAA001\nXM01AEB002\nXJ0".chars().forEach(c -> k.typed((char) c));
        KeyBuffer.Typed t = k.drain();
        assertEquals(List.of("XJ01CAA001", "XM01AEB002"), t.lines());
        assertEquals("XJ0", t.rest());
        assertEquals(true, k.drain().isEmpty(), "drained");
    }
}

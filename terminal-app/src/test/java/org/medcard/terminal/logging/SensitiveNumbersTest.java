package org.medcard.terminal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SensitiveNumbersTest {

    @Test
    void idNumberIsMaskedToFirstThreeAndLastFour() {
        assertEquals("holder 110***********0017 refused", SensitiveNumbers.maskAll("holder 110105194912310017 refused"));
    }

    @Test
    void idNumberEndingInXIsMasked() {
        assertEquals("id=440***********123X", SensitiveNumbers.maskAll("id=44030419850101123X"));
    }

    @Test
    void cardNumberOfTwentyDigitsIsMasked() {
        assertEquals("card 110*************0017", SensitiveNumbers.maskAll("card 11010020261122000017"));
    }

    @Test
    void shortNumbersAmountsAndHexAreLeftAlone() {
        String text = "amount 1234 fen, seq 00000101, TAC 6FBC1D52, msgid P11010100001202611221015020100017";
        assertEquals(text, SensitiveNumbers.maskAll(text));
    }

    @Test
    void severalNumbersInOneLineAreAllMasked() {
        assertEquals("110***********0017 and 310*************4242",
                SensitiveNumbers.maskAll("110105194912310017 and 31000019990101004242"));
    }
}

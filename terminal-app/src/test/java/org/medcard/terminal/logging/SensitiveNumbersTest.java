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
    void cardNumberInHex_asThePurseRecordSpellsIt_isMasked() {
        assertEquals("{\"card_no\":\"100*************ABCD\"}", SensitiveNumbers.maskAll("{\"card_no\":\"1000000000000000ABCD\"}"));
        assertEquals("card FFF*************0017", SensitiveNumbers.maskAll("card FFFF1100000000000017"));
    }

    @Test
    void anHmacAWordOfLettersAndASaleIdAreNotCardNumbers() {
        String hmac = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        String text = "mac " + hmac + ", ABCDEFABCDEFABCDEFAB, sale T01-0000000017";
        assertEquals(text, SensitiveNumbers.maskAll(text));
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

package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdNumbersTest {
    @Test
    void checkDigitFollowsIso7064Mod11_2() {
        assertTrue(IdNumbers.isValid("11010519491231002X")); // the GB 11643 example
        assertTrue(IdNumbers.isValid("11010519491231002x"));
        assertFalse(IdNumbers.isValid("110105194912310021"));
        assertFalse(IdNumbers.isValid("1101051949123100"));
        assertFalse(IdNumbers.isValid(null));
    }

    @Test
    void maskKeepsFirstThreeAndLastFour() {
        assertEquals("110***********0017", IdNumbers.mask("110105194912310017"));
        assertEquals("100*************0001", IdNumbers.mask("10000000000000000001"));
        assertEquals("****", IdNumbers.mask("1234"));
    }
}

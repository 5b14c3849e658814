package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcard.apdu.Hex;

class IdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"110101198001040017", "11010519491231002X", "44030119950206123X", "440301199502011232"})
    void validCheckDigit_isAccepted(String id) {
        assertTrue(IdNumber.isValid(id));
        assertEquals(id, new IdNumber(id).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"110101198001040018", "110105194912310021", "11010519491231002x", "11010519491231002",
            "1101051949123100211", "A10105194912310021", "", "11010519491231002Y"})
    void wrongCheckDigitOrShape_isRejected(String id) {
        assertFalse(IdNumber.isValid(id));
        assertThrows(IllegalArgumentException.class, () -> new IdNumber(id));
    }

    @Test
    void checkCharacter_followsIso7064Mod11_2() {
        assertEquals('X', IdNumber.checkCharacter("11010519491231002"));
        assertEquals('7', IdNumber.checkCharacter("11010119800104001"));
    }

    @Test
    void masked_keepsFirstThreeAndLastFour() {
        IdNumber id = new IdNumber("110101198001040017");
        assertEquals("110***********0017", id.masked());
        assertEquals("110***********0017", id.toString(), "toString must not leak the number into logs");
    }

    @Test
    void typedInput_acceptsLowerCaseXAndBlanks() {
        assertEquals("11010519491231002X", IdNumber.parse(" 11010519491231002x ").value());
    }

    @Test
    void exceptionMessage_doesNotContainTheNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IdNumber("110101198001040018"));
        assertFalse(e.getMessage().contains("110101198001040018"));
    }

    @Test
    void storedOrTypedText_isValidIgnoringCase_nullNever() {
        assertTrue(IdNumber.isValidIgnoringCase("11010519491231002X")); // the GB 11643 example
        assertTrue(IdNumber.isValidIgnoringCase("11010519491231002x"));
        assertFalse(IdNumber.isValidIgnoringCase("110105194912310021"));
        assertFalse(IdNumber.isValidIgnoringCase("1101051949123100"));
        assertFalse(IdNumber.isValidIgnoringCase(null));
        assertFalse(IdNumber.isValid(null));
    }

    @Test
    void requireValid_namesOnlyTheMaskedNumber() {
        assertEquals("11010519491231002x", IdNumber.requireValid("11010519491231002x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdNumber.requireValid("110101198001040018"));
        assertFalse(e.getMessage().contains("110101198001040018"));
        assertTrue(e.getMessage().contains("110***********0018"), e.getMessage());
    }

    @Test
    void mask_ofAnyIdentifyingNumberAsText_keepsFirstThreeAndLastFour() {
        assertEquals("110***********0017", IdNumber.mask("110105194912310017"));
        assertEquals("100*************0001", IdNumber.mask("10000000000000000001"));
        assertEquals("****", IdNumber.mask("1234"));
        assertEquals(null, IdNumber.mask(null));
    }

    @Test
    void cardNumber_masksAndDiversifies() {
        CardNumber n = new CardNumber("11010020261122000017");
        assertEquals("110*************0017", n.masked());
        assertEquals("0020261122000017", Hex.of(n.diversification()));
        assertThrows(IllegalArgumentException.class, () -> new CardNumber("1101002026112200001"));
    }
}

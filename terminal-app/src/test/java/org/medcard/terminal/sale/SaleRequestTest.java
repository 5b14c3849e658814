package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.List;

import org.junit.jupiter.api.Test;

class SaleRequestTest {

    @Test
    void itemsParseAsCodeColonQuantity_quantityDefaultsToOne() {
        assertEquals(new SaleItem("XJ01CAA001", 2), SaleItem.parse(" XJ01CAA001:2 "));
        assertEquals(new SaleItem("XJ01CAA001", 1), SaleItem.parse("XJ01CAA001"));
    }

    @Test
    void badItemsAreRefusedWithTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SaleItem.parse("XJ01CAA001:two"));
        assertEquals("'XJ01CAA001:two' is not CODE:QTY", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SaleItem.parse("XJ01CAA001:0"));
        assertThrows(IllegalArgumentException.class, () -> SaleItem.parse(":1"));
    }

    @Test
    void aRequestNeedsItems_andNormalisesTheTypedIdNumber() {
        assertThrows(IllegalArgumentException.class, () -> SaleRequest.of(List.of(), PinSource.NONE, "c"));
        SaleRequest r = SaleRequest.of(List.of(SaleItem.parse("A:1")), null, "c").withIdNumber(" 11010119880418724x ");
        assertEquals(Optional.of("11010119880418724X"), r.idNumber());
        assertEquals(Optional.empty(), r.withIdNumber("   ").idNumber(), "blanks are no number typed");
        assertEquals(PaidFor.cardholder(), r.paidFor());
        assertEquals(Optional.of("11000000000000000201"), r.withBeneficiary(" 11000000000000000201 ").paidFor().familyPsnNo());
        assertThrows(IllegalArgumentException.class, () -> r.withBeneficiary("  "), "a named family member has a psn_no");
        assertEquals(PinSource.NONE, r.pin());
        assertEquals(OptionalLong.empty(), r.requestedAccountFen(), "as much as possible unless asked");
        assertEquals(OptionalLong.of(500), r.withRequestedAccount(500).requestedAccountFen());
        assertThrows(IllegalArgumentException.class, () -> r.withRequestedAccount(-1));
    }
}

package org.medcard.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medcard.apdu.Hex;
import org.medcard.apdu.MalformedResponseException;

class TlvParserTest {

    @Test
    void primitiveShortForm_parsesTagAndValue() {
        List<Tlv> tlvs = TlvParser.parse(Hex.parse("C3 01 02 C5 01 01"));
        assertEquals(2, tlvs.size());
        assertEquals(0xC3, tlvs.get(0).tag());
        assertArrayEquals(new byte[] {2}, tlvs.get(0).value());
        assertFalse(tlvs.get(0).isConstructed());
    }

    @Test
    void twoByteTag_isReadAsOneNumber() {
        Tlv t = TlvParser.parse(Hex.parse("9F08 02 0100")).get(0);
        assertEquals(0x9F08, t.tag());
        assertArrayEquals(Hex.parse("0100"), t.value());
    }

    @Test
    void threeByteTag_isAccepted() {
        Tlv t = TlvParser.parse(Hex.parse("DF 81 05 01 AA")).get(0);
        assertEquals(0xDF8105, t.tag());
    }

    @Test
    void fourByteTag_isRejected() {
        assertThrows(TlvException.class, () -> TlvParser.parse(Hex.parse("DF 81 82 05 01 AA")));
    }

    @ParameterizedTest(name = "length {0} bytes via {1}")
    @CsvSource({"127, ''", "128, 81", "255, 81", "256, 82", "65535, 82", "65536, 83"})
    void longFormLengths_roundTrip(int length, String form) {
        Tlv t = new Tlv(0xC2, new byte[length]);
        byte[] encoded = t.encode();
        if (!form.isEmpty()) {
            assertEquals(Integer.parseInt(form, 16), encoded[1] & 0xFF);
        }
        Tlv back = TlvParser.parse(encoded).get(0);
        assertEquals(length, back.length());
        assertEquals(t, back);
    }

    @Test
    void longFormWithSmallValue_isAccepted() {
        assertEquals(2, TlvParser.parse(Hex.parse("C1 81 02 3132")).get(0).length());
        assertEquals(2, TlvParser.parse(Hex.parse("C1 82 0002 3132")).get(0).length());
        assertEquals(2, TlvParser.parse(Hex.parse("C1 83 000002 3132")).get(0).length());
    }

    @Test
    void constructedTag_childrenAreParsedAndFound() {
        byte[] fci = Hex.parse("6F 15 84 09 F04D45444341524401 A5 08 9F08 02 0100 C0 01 04");
        Tlv top = TlvParser.parse(fci).get(0);
        assertTrue(top.isConstructed());
        assertEquals(2, top.children().size());
        assertArrayEquals(Hex.parse("04"), top.find(0xC0).orElseThrow().value());
        assertArrayEquals(Hex.parse("0100"), Tlv.find(List.of(top), 0x9F08).orElseThrow().value());
        assertTrue(top.find(0xC9).isEmpty());
        assertEquals(List.of(), top.find(0x84).orElseThrow().children(), "a primitive tag has no children");
    }

    @Test
    void zeroPaddingAfterTheLastTlv_isSkipped() {
        List<Tlv> tlvs = TlvParser.parse(Hex.parse("C3 01 01 00 00 00 00"));
        assertEquals(1, tlvs.size());
        assertEquals(0, TlvParser.parse(new byte[16]).size(), "an all-padding file is empty");
    }

    @Test
    void dataAfterPadding_isRejected() {
        assertThrows(TlvException.class, () -> TlvParser.parse(Hex.parse("C3 01 01 00 00 C5 01 01")));
    }

    @Test
    void encodeBuildsNestedTemplates() {
        Tlv fci = Tlv.constructed(0x6F, new Tlv(0x84, Hex.parse("F04D45444341524401")),
                Tlv.constructed(0xA5, new Tlv(0x9F08, Hex.parse("0100")), new Tlv(0xC0, Hex.parse("04"))));
        assertEquals("6F158409F04D45444341524401A5089F08020100C00104", Hex.of(fci.encode()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "truncated multi-byte tag, 9F",
            "truncated tag continuation, DF 81",
            "length missing, C1",
            "truncated long length 81, C1 81",
            "truncated long length 82, C1 82 01",
            "truncated long length 83, C1 83 00 01",
            "length beyond data, C1 05 313233",
            "long length beyond data, C1 82 0100 31",
            "indefinite length, 6F 80 C1 01 31 00 00",
            "four length bytes, C1 84 00000001 31",
            "length above FFFFFF, C1 84 01000000 31",
            "huge length byte count, C1 FF 31"})
    void malformedInput_isATypedFault(String why, String hex) {
        TlvException e = assertThrows(TlvException.class, () -> TlvParser.parse(Hex.parse(hex)), why);
        assertTrue(e instanceof MalformedResponseException);
        assertTrue(e.offset() >= 0);
    }

    @Test
    void malformedChild_isRejectedWhenChildrenAreRead() {
        Tlv outer = TlvParser.parse(Hex.parse("A5 03 C0 05 04")).get(0);
        assertThrows(TlvException.class, outer::children);
        assertThrows(TlvException.class, () -> TlvParser.parseDeep(Hex.parse("A5 03 C0 05 04")));
    }

    @Test
    void randomGarbage_neverEscapesAsAnotherException() {
        Random random = new Random(20261122L);
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = new byte[random.nextInt(40)];
            random.nextBytes(garbage);
            try {
                TlvParser.parseDeep(garbage);
            } catch (TlvException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void tagsThatCannotBeEncoded_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Tlv(0x1F, new byte[0]), "1F announces a longer tag");
        assertThrows(IllegalArgumentException.class, () -> new Tlv(0x9F88, new byte[0]), "last tag byte has bit 8 set");
        assertThrows(IllegalArgumentException.class, () -> new Tlv(0x8108, new byte[0]), "first byte does not announce more");
        assertThrows(IllegalArgumentException.class, () -> new Tlv(0xDF0505, new byte[0]), "middle byte lacks bit 8");
        assertEquals(0xDF8105, new Tlv(0xDF8105, new byte[0]).tag());
    }

    @Test
    void tlvValueIsCopied() {
        byte[] v = {1, 2};
        Tlv t = new Tlv(0xC3, v);
        v[0] = 9;
        assertEquals(1, t.value()[0]);
        t.value()[1] = 9;
        assertEquals(2, t.value()[1]);
        assertThrows(IllegalArgumentException.class, () -> new Tlv(0, v));
    }
}

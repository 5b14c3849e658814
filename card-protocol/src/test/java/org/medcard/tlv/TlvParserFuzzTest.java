package org.medcard.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the BER-TLV parser (docs/fuzzing.md). Contract: for any bytes, {@link TlvParser#parse}
 * either throws {@link TlvException} (nothing else), or returns objects whose re-encoding, followed by the
 * {@code 00} padding it skipped, is the input (length fields compared by value: the long form of a short
 * length is accepted on purpose); {@link TlvParser#parseDeep} keeps the same contract at
 * every depth.
 */
class TlvParserFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void parse_returnsObjectsThatReencodeToTheInput_orThrowsTlvException(byte[] data) {
        List<Tlv> parsed;
        try {
            parsed = TlvParser.parse(data);
        } catch (TlvException rejected) {
            assertTrue(rejected.offset() >= 0 && rejected.offset() <= data.length, "offset inside the data: " + rejected.offset());
            return;
        }
        assertReencodes(parsed, data);
        try {
            for (Tlv t : TlvParser.parseDeep(data)) {
                assertChildrenReencode(t);
            }
        } catch (TlvException deeperRejected) {
            // A constructed value that is not TLV: allowed, and the only allowed failure.
        }
    }

    private static void assertChildrenReencode(Tlv t) {
        if (!t.isConstructed()) {
            return;
        }
        List<Tlv> children = t.children();
        assertReencodes(children, t.value());
        children.forEach(TlvParserFuzzTest::assertChildrenReencode);
    }

    /**
     * Walks {@code input} object by object: each must be the object's tag bytes, a definite length field equal
     * to its value's length, and its value bytes; then only {@code 00} padding. The length field is compared by
     * value, not byte for byte, because the parser accepts the long form for short values on purpose
     * ({@code C1 81 02 …}, see {@code TlvParserTest.longFormWithSmallValue_isAccepted}); where the input used
     * the shortest form, the re-encoding equals the input byte for byte.
     */
    private static void assertReencodes(List<Tlv> objects, byte[] input) {
        int pos = 0;
        for (Tlv t : objects) {
            byte[] encoded = t.encode();
            int minimalLengthField = t.length() < 0x80 ? 1 : t.length() <= 0xFF ? 2 : t.length() <= 0xFFFF ? 3 : 4;
            int tagBytes = encoded.length - t.length() - minimalLengthField;
            assertArrayEquals(Arrays.copyOfRange(encoded, 0, tagBytes), Arrays.copyOfRange(input, pos, pos + tagBytes),
                    "tag bytes at " + pos);
            pos += tagBytes;
            int first = input[pos++] & 0xFF;
            int length = first;
            if (first >= 0x80) {
                int n = first & 0x7F;
                assertTrue(n >= 1 && n <= 3, "definite length of 1..3 bytes");
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (input[pos++] & 0xFF);
                }
            }
            assertEquals(t.length(), length, "length field of tag " + Integer.toHexString(t.tag()));
            assertArrayEquals(t.value(), Arrays.copyOfRange(input, pos, pos + length), "value bytes");
            if (first < 0x80) {
                int start = pos - tagBytes - 1;
                assertArrayEquals(encoded, Arrays.copyOfRange(input, start, pos + length), "shortest form re-encodes byte for byte");
            }
            pos += length;
        }
        for (int i = pos; i < input.length; i++) {
            assertEquals(0, input[i], "only 00 padding may follow the last object");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        objects.forEach(t -> out.writeBytes(t.encode()));
        assertEquals(objects, TlvParser.parse(out.toByteArray()), "the re-encoding parses back to the same objects");
    }
}

package org.medcard.tlv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the BER-TLV parser (docs/fuzzing.md). Contract: for any bytes, {@link TlvParser#parse}
 * either throws {@link TlvException} (nothing else), or returns objects whose re-encoding, followed by the
 * {@code 00} padding it skipped, is exactly the input; {@link TlvParser#parseDeep} keeps the same contract at
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

    private static void assertReencodes(List<Tlv> objects, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Tlv t : objects) {
            out.writeBytes(t.encode());
        }
        byte[] encoded = out.toByteArray();
        assertTrue(encoded.length <= input.length, "re-encoding is longer than the input");
        assertArrayEquals(encoded, Arrays.copyOf(input, encoded.length), "re-encoding differs from the consumed input");
        for (int i = encoded.length; i < input.length; i++) {
            assertTrue(input[i] == 0, "only 00 padding may follow the last object");
        }
    }
}

package org.medcard.transport.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the serial frame decoder (docs/fuzzing.md). The input is cut into chunks of
 * fuzz-chosen sizes, as a serial port delivers them. Contract: {@link SerialFrameCodec#feed} yields only
 * frames and frame errors (never throws); what it yields does not depend on how the stream was cut; every
 * frame it yields re-encodes to a valid frame that decodes to itself.
 */
class SerialFrameCodecFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void anyChunks_yieldOnlyFramesAndFrameErrors_independentOfChunking(FuzzedDataProvider fuzz) {
        List<Integer> cuts = new ArrayList<>();
        int chunks = fuzz.consumeInt(0, 16);
        for (int i = 0; i < chunks; i++) {
            cuts.add(fuzz.consumeInt(0, 400));
        }
        byte[] stream = fuzz.consumeRemainingAsBytes();

        SerialFrameCodec whole = new SerialFrameCodec();
        List<SerialFrameCodec.Decoded> once = whole.feed(stream);

        SerialFrameCodec chunked = new SerialFrameCodec();
        List<SerialFrameCodec.Decoded> inChunks = new ArrayList<>();
        int pos = 0;
        for (int cut : cuts) {
            int n = Math.min(cut, stream.length - pos);
            inChunks.addAll(chunked.feed(stream, pos, n));
            pos += n;
        }
        inChunks.addAll(chunked.feed(stream, pos, stream.length - pos));

        assertEquals(once, inChunks, "decoding must not depend on how the bytes arrive");
        assertEquals(whole.skippedBytes(), chunked.skippedBytes());
        assertEquals(whole.hasPartialFrame(), chunked.hasPartialFrame());
        assertTrue(whole.skippedBytes() <= stream.length, "cannot skip more bytes than were fed");

        long frameBytes = 0;
        for (SerialFrameCodec.Decoded d : once) {
            if (d instanceof SerialFrameCodec.Received r) {
                byte[] wire = SerialFrameCodec.encode(r.frame());
                frameBytes += wire.length;
                assertEquals(SerialFrameCodec.STX, wire[0]);
                assertEquals(SerialFrameCodec.ETX, wire[wire.length - 1]);
                assertEquals(List.of(r), new SerialFrameCodec().feed(wire), "a yielded frame re-encodes to itself");
            } else {
                SerialFrameCodec.FrameError e = (SerialFrameCodec.FrameError) d;
                assertFalse(e.detail() == null || e.detail().isEmpty(), "a frame error says why");
            }
        }
        assertTrue(frameBytes <= stream.length, "frames cannot hold more bytes than were fed");
    }
}

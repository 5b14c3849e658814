package org.medcard.transport.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcard.apdu.Hex;
import org.medcard.transport.serial.SerialFrameCodec.Decoded;
import org.medcard.transport.serial.SerialFrameCodec.ErrorKind;
import org.medcard.transport.serial.SerialFrameCodec.FrameError;
import org.medcard.transport.serial.SerialFrameCodec.Received;

class SerialFrameCodecTest {

    private final SerialFrameCodec decoder = new SerialFrameCodec();

    @Test
    void encode_slotStatusRequest_matchesTheSpecLayout() {
        // STX, LEN 0002, CODE 10, slot 00, BCC = 00^02^10^00 = 12, ETX
        assertEquals("0200021000" + "12" + "03", Hex.of(SerialFrameCodec.encode(new SerialFrame(0x10, new byte[] {0}))));
    }

    @Test
    void encode_emptyData_lenIsOneForTheCodeAlone() {
        assertEquals("02000114" + "15" + "03", Hex.of(SerialFrameCodec.encode(new SerialFrame(0x14))));
    }

    @Test
    void decode_wholeFrame_yieldsIt() {
        SerialFrame frame = new SerialFrame(0x13, Hex.parse("00 00A4040008A000000632010105"));
        assertEquals(List.of(new Received(frame)), decoder.feed(SerialFrameCodec.encode(frame)));
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    void decode_emptyData_yieldsFrameWithNoData() {
        List<Decoded> out = decoder.feed(SerialFrameCodec.encode(new SerialFrame(0x12)));
        assertEquals(0, single(out).length());
        assertEquals(0x12, single(out).code());
    }

    @Test
    void decode_byteByByte_yieldsFrameOnlyOnTheLastByte() {
        byte[] wire = SerialFrameCodec.encode(new SerialFrame(0x00, Hex.parse("3B6800000073C84013009000")));
        for (int i = 0; i < wire.length - 1; i++) {
            assertTrue(decoder.feed(new byte[] {wire[i]}).isEmpty(), "nothing before byte " + i);
        }
        assertArrayEquals(Hex.parse("3B6800000073C84013009000"), single(decoder.feed(new byte[] {wire[wire.length - 1]})).data());
    }

    @Test
    void decode_splitAtEveryPosition_yieldsTheSameFrame() {
        SerialFrame frame = new SerialFrame(0x00, Hex.parse("0102030203"));
        byte[] wire = SerialFrameCodec.encode(frame);
        for (int cut = 0; cut <= wire.length; cut++) {
            SerialFrameCodec fresh = new SerialFrameCodec();
            List<Decoded> out = new ArrayList<>(fresh.feed(wire, 0, cut));
            out.addAll(fresh.feed(wire, cut, wire.length - cut));
            assertEquals(List.of(new Received(frame)), out, "cut at " + cut);
        }
    }

    @Test
    void decode_severalFramesInOneChunk_yieldsAllInOrder() {
        SerialFrame a = new SerialFrame(0x80, new byte[] {0});
        SerialFrame b = new SerialFrame(0x00, Hex.parse("9000"));
        SerialFrame c = new SerialFrame(0x81, new byte[] {1});
        List<Decoded> out = decoder.feed(concat(SerialFrameCodec.encode(a), SerialFrameCodec.encode(b), SerialFrameCodec.encode(c)));
        assertEquals(List.of(new Received(a), new Received(b), new Received(c)), out);
    }

    @Test
    void decode_garbageBeforeStx_isSkippedSilentlyAndCounted() {
        SerialFrame frame = new SerialFrame(0x00, Hex.parse("9000"));
        List<Decoded> out = decoder.feed(concat(Hex.parse("FF00557E03"), SerialFrameCodec.encode(frame)));
        assertEquals(List.of(new Received(frame)), out);
        assertEquals(5, decoder.skippedBytes());
    }

    @Test
    void decode_badBcc_reportsFrameErrorAndDecodesTheNextFrame() {
        byte[] bad = SerialFrameCodec.encode(new SerialFrame(0x00, Hex.parse("9000")));
        bad[bad.length - 2] ^= 0x01;
        SerialFrame good = new SerialFrame(0x00, Hex.parse("6A82"));
        List<Decoded> out = decoder.feed(concat(bad, SerialFrameCodec.encode(good)));
        assertEquals(2, out.size());
        assertEquals(ErrorKind.BAD_BCC, assertInstanceOf(FrameError.class, out.get(0)).kind());
        assertEquals(new Received(good), out.get(1));
    }

    @Test
    void decode_badEtx_reportsFrameErrorAndDecodesTheNextFrame() {
        byte[] bad = SerialFrameCodec.encode(new SerialFrame(0x00, Hex.parse("9000")));
        bad[bad.length - 1] = 0x7F;
        SerialFrame good = new SerialFrame(0x01);
        List<Decoded> out = decoder.feed(concat(bad, SerialFrameCodec.encode(good)));
        assertEquals(ErrorKind.MISSING_ETX, assertInstanceOf(FrameError.class, out.get(0)).kind());
        assertEquals(List.of(new Received(good)), out.subList(1, out.size()));
    }

    @Test
    void decode_truncatedFrameFollowedByAFrame_reportsErrorThenResynchronises() {
        // The first frame lost its last two bytes (BCC and ETX): the next frame's STX lands where ETX belongs.
        byte[] cut = SerialFrameCodec.encode(new SerialFrame(0x00, Hex.parse("9000")));
        byte[] truncated = java.util.Arrays.copyOf(cut, cut.length - 2);
        SerialFrame good = new SerialFrame(0x00, Hex.parse("6A82"));
        List<Decoded> out = decoder.feed(concat(truncated, SerialFrameCodec.encode(good), SerialFrameCodec.encode(good)));
        assertInstanceOf(FrameError.class, out.get(0));
        assertEquals(new Received(good), out.get(out.size() - 1), "decoder is back in step: " + out);
    }

    @Test
    void decode_lengthOverMaximum_reportsFrameErrorAtOnce() {
        // LEN = 302 announces 301 data bytes: one too many. The error comes without waiting for them.
        List<Decoded> out = decoder.feed(Hex.parse("02012E"));
        assertEquals(1, out.size(), out.toString());
        assertEquals(ErrorKind.BAD_LENGTH, assertInstanceOf(FrameError.class, out.get(0)).kind());
        assertFalse(decoder.hasPartialFrame());
    }

    @Test
    void decode_maximumData_isAccepted() {
        SerialFrame frame = new SerialFrame(0x00, new byte[SerialFrameCodec.MAX_DATA]);
        assertEquals(List.of(new Received(frame)), decoder.feed(SerialFrameCodec.encode(frame)));
    }

    @Test
    void decode_zeroLength_reportsFrameError() {
        assertEquals(ErrorKind.BAD_LENGTH, assertInstanceOf(FrameError.class, decoder.feed(Hex.parse("020000")).get(0)).kind());
    }

    @Test
    void decode_strayStxBeforeAFrame_costsOneErrorNotTheFrame() {
        // 02 02 00 ... reads as LEN 0x0200 (too long); the LEN bytes are looked at again and the real frame is found.
        SerialFrame good = new SerialFrame(0x00, Hex.parse("9000"));
        List<Decoded> out = decoder.feed(concat(new byte[] {0x02}, SerialFrameCodec.encode(good)));
        assertEquals(2, out.size(), out.toString());
        assertInstanceOf(FrameError.class, out.get(0));
        assertEquals(new Received(good), out.get(1));
    }

    @Test
    void reset_dropsAPartialFrame() {
        byte[] wire = SerialFrameCodec.encode(new SerialFrame(0x00, Hex.parse("9000")));
        decoder.feed(wire, 0, 4);
        assertTrue(decoder.hasPartialFrame());
        decoder.reset();
        assertEquals(List.of(new Received(new SerialFrame(0x00, Hex.parse("9000")))), decoder.feed(wire));
    }

    @Test
    void frame_rejectsDataOverMaximumAndNonByteCodes() {
        assertThrows(IllegalArgumentException.class, () -> new SerialFrame(0, new byte[SerialFrameCodec.MAX_DATA + 1]));
        assertThrows(IllegalArgumentException.class, () -> new SerialFrame(0x100));
        assertThrows(IllegalArgumentException.class, () -> new SerialFrame(-1));
    }

    @Test
    void frame_copiesItsData() {
        byte[] data = {1, 2};
        SerialFrame frame = new SerialFrame(0, data);
        data[0] = 9;
        frame.data()[1] = 9;
        assertArrayEquals(new byte[] {1, 2}, frame.data());
    }

    @Test
    void feed_rejectsOffsetsOutsideTheChunk() {
        assertThrows(IndexOutOfBoundsException.class, () -> decoder.feed(new byte[4], 3, 2));
    }

    /** Seeded random streams: frames, noise and damage in random chunks never break the decoder. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711, 20_261_123})
    void decode_randomNoiseAndFrames_neverThrowsAndFindsEveryUndamagedFrameAfterSilence(long seed) {
        Random random = new Random(seed);
        SerialFrameCodec fresh = new SerialFrameCodec();
        for (int round = 0; round < 300; round++) {
            byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            if (random.nextInt(3) == 0 && noise.length > 0) {
                noise[random.nextInt(noise.length)] = SerialFrameCodec.STX;
            }
            feedInRandomChunks(fresh, noise, random);
            // A complete frame after noise may be swallowed by a frame the noise started; a reset (as after a
            // time-out) puts the decoder back in step, and then a frame must come through intact.
            fresh.reset();
            byte[] data = new byte[random.nextInt(SerialFrameCodec.MAX_DATA + 1)];
            random.nextBytes(data);
            SerialFrame frame = new SerialFrame(random.nextInt(256), data);
            List<Decoded> out = feedInRandomChunks(fresh, SerialFrameCodec.encode(frame), random);
            assertEquals(List.of(new Received(frame)), out, "seed " + seed + " round " + round);
        }
    }

    private static List<Decoded> feedInRandomChunks(SerialFrameCodec codec, byte[] bytes, Random random) {
        List<Decoded> out = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int n = 1 + random.nextInt(bytes.length - i);
            out.addAll(codec.feed(bytes, i, n));
            i += n;
        }
        return out;
    }

    private static SerialFrame single(List<Decoded> out) {
        assertEquals(1, out.size(), out.toString());
        return assertInstanceOf(Received.class, out.get(0)).frame();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

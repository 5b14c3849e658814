package org.medcard.transport.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Encodes frames ({@code STX | LEN(2, big-endian) | CODE | DATA | BCC | ETX}) and decodes them from a
 * byte stream fed in arbitrary chunks. Pure: no I/O, no threads, no clock.
 *
 * <p>{@code LEN} counts CODE and DATA; {@code BCC} is the XOR of the LEN, CODE and DATA bytes. The
 * decoder reports a frame error for a bad BCC, a byte other than ETX where ETX belongs, or a length that
 * is zero or over {@value #MAX_DATA} data bytes, and then hunts for the next STX. Bytes before an STX
 * (line noise, the tail of a frame we gave up on) are skipped silently and only counted: the
 * specification asks for code {@code 03} on a broken frame, and answering {@code 03} to stray noise
 * would make the terminal resend requests the reader is still working on.
 *
 * <p>Resynchronisation: after a bad length, the two LEN bytes are examined again (a stray {@code 02}
 * before a real frame then costs one frame error, not the real frame); after a bad ETX, the byte found
 * in the ETX position is examined again (it may be the STX of the next frame). After a bad BCC with a
 * good ETX the framing was intact, so the whole frame is dropped.
 *
 * <p>An instance holds the state of one byte stream; it is not thread-safe (one port thread owns it).
 */
public final class SerialFrameCodec {

    public static final int STX = 0x02;
    public static final int ETX = 0x03;
    /** Largest DATA part, in bytes. */
    public static final int MAX_DATA = 300;
    /** STX, LEN (2), CODE, BCC, ETX. */
    public static final int OVERHEAD = 6;

    /** Why the decoder gave up on a frame. */
    public enum ErrorKind {
        /** LEN is zero (no CODE) or announces more than {@value SerialFrameCodec#MAX_DATA} data bytes. */
        BAD_LENGTH,
        /** The XOR check byte does not match. */
        BAD_BCC,
        /** The byte after BCC is not ETX. */
        MISSING_ETX
    }

    /** What the decoder found in the stream: a frame, or a frame error. */
    public sealed interface Decoded permits Received, FrameError {
    }

    /** A complete frame with a correct BCC and ETX. */
    public record Received(SerialFrame frame) implements Decoded {
        public Received {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** A frame that started with STX but was broken; {@code detail} is for logs. */
    public record FrameError(ErrorKind kind, String detail) implements Decoded {
        public FrameError {
            Objects.requireNonNull(kind, "kind");
        }
    }

    private final byte[] candidate = new byte[MAX_DATA + OVERHEAD];
    private int filled;
    private long skippedBytes;

    /** The wire bytes of one frame. */
    public static byte[] encode(SerialFrame frame) {
        byte[] data = frame.data();
        int len = data.length + 1;
        byte[] out = new byte[data.length + OVERHEAD];
        out[0] = STX;
        out[1] = (byte) (len >>> 8);
        out[2] = (byte) len;
        out[3] = (byte) frame.code();
        System.arraycopy(data, 0, out, 4, data.length);
        out[out.length - 2] = bcc(out, 1, out.length - 2);
        out[out.length - 1] = ETX;
        return out;
    }

    /** The XOR of {@code bytes[from..to)}. */
    public static byte bcc(byte[] bytes, int from, int to) {
        byte x = 0;
        for (int i = from; i < to; i++) {
            x ^= bytes[i];
        }
        return x;
    }

    public List<Decoded> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Feeds {@code length} bytes from {@code chunk[offset]}; returns what they completed, in order. */
    public List<Decoded> feed(byte[] chunk, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, chunk.length);
        List<Decoded> out = new ArrayList<>(1);
        for (int i = offset; i < offset + length; i++) {
            accept(chunk[i], out);
        }
        return out;
    }

    /** Forgets a partly received frame (after a time-out: its rest will not come, or comes too late). */
    public void reset() {
        filled = 0;
    }

    /** Whether a frame has started (STX seen) but is not complete. */
    public boolean hasPartialFrame() {
        return filled > 0;
    }

    /** Bytes skipped outside frames so far (noise before STX, remains of broken frames). */
    public long skippedBytes() {
        return skippedBytes;
    }

    private void accept(byte b, List<Decoded> out) {
        if (filled == 0) {
            if ((b & 0xFF) == STX) {
                candidate[filled++] = b;
            } else {
                skippedBytes++;
            }
            return;
        }
        candidate[filled++] = b;
        if (filled < 3) {
            return;
        }
        int len = ((candidate[1] & 0xFF) << 8) | (candidate[2] & 0xFF);
        if (filled == 3) {
            if (len == 0 || len - 1 > MAX_DATA) {
                byte hi = candidate[1];
                byte lo = candidate[2];
                filled = 0;
                skippedBytes++;
                out.add(new FrameError(ErrorKind.BAD_LENGTH, "LEN " + len + " (allowed 1.." + (MAX_DATA + 1) + ")"));
                accept(hi, out);
                accept(lo, out);
            }
            return;
        }
        int total = len + 5;
        if (filled < total) {
            return;
        }
        filled = 0;
        if ((b & 0xFF) != ETX) {
            skippedBytes += total - 1;
            out.add(new FrameError(ErrorKind.MISSING_ETX, String.format("byte %02X where ETX belongs", b & 0xFF)));
            accept(b, out);
            return;
        }
        byte expected = bcc(candidate, 1, total - 2);
        if (expected != candidate[total - 2]) {
            skippedBytes += total;
            out.add(new FrameError(ErrorKind.BAD_BCC, String.format("BCC %02X, computed %02X",
                    candidate[total - 2] & 0xFF, expected & 0xFF)));
            return;
        }
        byte[] data = new byte[len - 1];
        System.arraycopy(candidate, 4, data, 0, data.length);
        out.add(new Received(new SerialFrame(candidate[3] & 0xFF, data)));
    }
}

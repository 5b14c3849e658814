package org.medcard.transport.serial;

import java.util.Arrays;

import org.medcard.apdu.Hex;

/**
 * One frame of the serial reader protocol: a CODE byte (the command in a request, the result in an
 * answer, {@code 80}/{@code 81} in an unsolicited event) and up to {@value SerialFrameCodec#MAX_DATA}
 * bytes of DATA.
 */
public record SerialFrame(int code, byte[] data) {

    public SerialFrame {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("frame code is not a byte: " + code);
        }
        data = data == null ? new byte[0] : data.clone();
        if (data.length > SerialFrameCodec.MAX_DATA) {
            throw new IllegalArgumentException("frame data longer than " + SerialFrameCodec.MAX_DATA + " bytes: " + data.length);
        }
    }

    public SerialFrame(int code) {
        this(code, new byte[0]);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** The first data byte, or -1 when there is none (slot number in requests and events). */
    public int firstDataByte() {
        return data.length == 0 ? -1 : data[0] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerialFrame f && code == f.code && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(data);
    }

    /** Code and length only: the data may carry an APDU with a PIN or a card number. */
    @Override
    public String toString() {
        return "SerialFrame[code=" + Hex.of(new byte[] {(byte) code}) + ", " + data.length + " data bytes]";
    }
}

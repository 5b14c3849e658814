package org.medcard.apdu;

import java.util.Arrays;

/** A response APDU: data followed by the two status bytes. */
public record ResponseApdu(byte[] data, StatusWord sw) {

    public ResponseApdu {
        data = data == null ? new byte[0] : data.clone();
        if (sw == null) {
            throw new IllegalArgumentException("status word missing");
        }
    }

    /** Parses raw response bytes; fewer than two bytes is a malformed answer. */
    public static ResponseApdu parse(byte[] raw) {
        if (raw == null || raw.length < 2) {
            throw new MalformedResponseException("response shorter than a status word: "
                    + (raw == null ? "null" : raw.length + " bytes"));
        }
        int n = raw.length;
        return new ResponseApdu(Arrays.copyOf(raw, n - 2), StatusWord.of(((raw[n - 2] & 0xFF) << 8) | (raw[n - 1] & 0xFF)));
    }

    public static ResponseApdu of(byte[] data, int sw) {
        return new ResponseApdu(data, StatusWord.of(sw));
    }

    public static ResponseApdu of(int sw) {
        return new ResponseApdu(new byte[0], StatusWord.of(sw));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int sw1() {
        return sw.sw1();
    }

    public int sw2() {
        return sw.sw2();
    }

    public boolean isSuccess() {
        return sw.isSuccess();
    }

    public byte[] bytes() {
        byte[] raw = Arrays.copyOf(data, data.length + 2);
        raw[data.length] = (byte) sw.sw1();
        raw[data.length + 1] = (byte) sw.sw2();
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && sw.equals(r.sw) && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + sw.hashCode();
    }

    /** Prints lengths and SW only: the data may hold card numbers or MACs. */
    @Override
    public String toString() {
        return "ResponseApdu[" + data.length + " bytes, SW=" + sw.hex() + "]";
    }
}

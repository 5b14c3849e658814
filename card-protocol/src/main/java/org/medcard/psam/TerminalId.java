package org.medcard.psam;

import java.util.Arrays;

import org.medcard.apdu.Hex;

/** The 6-byte terminal id the PSAM holds (SFI 16) and every purchase and load carries. */
public record TerminalId(byte[] bytes) {

    public static final int LENGTH = 6;

    public TerminalId {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("terminal id must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        bytes = bytes.clone();
    }

    /** From 12 hex digits, e.g. {@code 000000123456}. */
    public static TerminalId parse(String hex) {
        return new TerminalId(Hex.parse(hex.strip()));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return Hex.of(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TerminalId t && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}

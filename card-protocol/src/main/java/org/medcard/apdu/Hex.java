package org.medcard.apdu;

import java.util.HexFormat;

/** Upper-case hex, the way the card specification writes bytes. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    public static String of(byte[] bytes, int from, int to) {
        return FORMAT.formatHex(bytes, from, to);
    }

    /** Parses hex, ignoring spaces; rejects odd lengths and non-hex characters. */
    public static byte[] parse(String hex) {
        String clean = hex.replace(" ", "");
        if (clean.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        return FORMAT.parseHex(clean);
    }
}

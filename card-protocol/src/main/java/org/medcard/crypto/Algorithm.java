package org.medcard.crypto;

/** The purse algorithm a card uses, as coded in its FCI ({@code C0}) and INITIALIZE answers. */
public enum Algorithm {
    /** Two-key triple-DES (legacy cards): 16-byte keys, 8-byte blocks, single-DES session and MAC keys. */
    TRIPLE_DES(0x02, 8),
    /** SM4 (GB/T 32907): 16-byte keys and blocks. */
    SM4(0x04, 16);

    private final int code;
    private final int blockSize;

    Algorithm(int code, int blockSize) {
        this.code = code;
        this.blockSize = blockSize;
    }

    /** The byte the card uses for this algorithm. */
    public int code() {
        return code;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Maps the card's algorithm byte; an unknown value is a malformed card answer. */
    public static Algorithm fromCode(int code) {
        for (Algorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException(String.format("unknown algorithm code %02X", code));
    }
}

package org.medcard.card;

/** APPLICATION BLOCK's P2. */
public enum BlockMode {
    /** {@code 00}: SELECT answers {@code 6283} afterwards (e.g. a lost card, R8). */
    TEMPORARY(0x00),
    /** {@code 01}: SELECT answers {@code 9303} afterwards. */
    PERMANENT(0x01);

    private final int p2;

    BlockMode(int p2) {
        this.p2 = p2;
    }

    public int p2() {
        return p2;
    }
}

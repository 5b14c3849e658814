package org.medcard.simulator.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answers to reset of the simulator's cards: direct convention, TA1 = 95 (Fi 512, Di 16), T=1 only
 * (TD1 = 81, TD2 = 31), IFSC 254 (TA3 = FE), BWI 4 / CWI 5 (TB3 = 45), historical bytes naming the card,
 * and the TCK that T=1 requires. pcscd and pcsc_scan accept and parse it.
 */
public final class Atr {

    private Atr() {
    }

    /** {@code 3B 98 95 81 31 FE 45 "MEDCARD" 01 TCK}: the insured-person card. */
    public static byte[] medicalCard() {
        return t1("MEDCARD", 0x01);
    }

    /** {@code 3B 98 95 81 31 FE 45 "MEDCARD" 50 TCK}: the PSAM. */
    public static byte[] psam() {
        return t1("MEDCARD", 0x50);
    }

    private static byte[] t1(String name, int last) {
        byte[] hist = (name + (char) last).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x3B);
        out.write(0x90 | hist.length); // TA1 and TD1 present, K historical bytes
        out.write(0x95);
        out.write(0x81); // TD2 present, T=1
        out.write(0x31); // TA3 and TB3 present, T=1
        out.write(0xFE);
        out.write(0x45);
        out.writeBytes(hist);
        byte[] partial = out.toByteArray();
        int tck = 0;
        for (int i = 1; i < partial.length; i++) {
            tck ^= partial[i] & 0xFF;
        }
        out.write(tck);
        return out.toByteArray();
    }
}

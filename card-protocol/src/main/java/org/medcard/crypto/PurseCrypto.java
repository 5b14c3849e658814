package org.medcard.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The purse cryptography of {@code card-application.md}: key diversification, session keys, the MAC
 * algorithm, and MAC1 / MAC2 / TAC for purchases, loads and APPLICATION BLOCK, for triple-DES and SM4.
 *
 * <p>Pure functions of their inputs, no state: the card client, the PSAM ({@code SoftPsam}), the
 * simulator's card and the center all compute with this one class, and the spec's test vectors pin it.
 * Inputs are the byte fields exactly as they travel in the APDUs (amount 4 bytes big-endian, terminal id
 * 6, terminal sequence 4, date 4 BCD, time 3 BCD).
 */
public final class PurseCrypto {

    /** Transaction type byte for a purchase. */
    public static final int TYPE_PURCHASE = 0x06;
    /** Transaction type byte for a load. */
    public static final int TYPE_LOAD = 0x02;

    private PurseCrypto() {
    }

    /** Derives a card key (DPK, DLK, DTK, DAMK) from a 16-byte master key and the card's 8-byte diversification data. */
    public static byte[] diversify(Algorithm algorithm, byte[] masterKey, byte[] diversification) {
        BlockCiphers.requireLength("master key", masterKey, 16);
        BlockCiphers.requireLength("diversification data", diversification, 8);
        byte[] inverted = invert(diversification);
        if (algorithm == Algorithm.TRIPLE_DES) {
            return concat(BlockCiphers.tripleDes(masterKey, diversification), BlockCiphers.tripleDes(masterKey, inverted));
        }
        return BlockCiphers.sm4(masterKey, concat(diversification, inverted));
    }

    /** Purchase session key from DPK, card random (4), offline counter, and the terminal sequence (4; its last two bytes are used). */
    public static byte[] purchaseSessionKey(Algorithm algorithm, byte[] dpk, byte[] cardRandom, int offlineCounter, byte[] terminalSeq) {
        BlockCiphers.requireLength("card random", cardRandom, 4);
        BlockCiphers.requireLength("terminal sequence", terminalSeq, 4);
        byte[] input = concat(cardRandom, u16(offlineCounter), Arrays.copyOfRange(terminalSeq, 2, 4));
        return sessionKey(algorithm, dpk, input);
    }

    /** Load session key from DLK, card random (4) and online counter. */
    public static byte[] loadSessionKey(Algorithm algorithm, byte[] dlk, byte[] cardRandom, int onlineCounter) {
        BlockCiphers.requireLength("card random", cardRandom, 4);
        byte[] input = concat(cardRandom, u16(onlineCounter), new byte[] {(byte) 0x80, 0x00});
        return sessionKey(algorithm, dlk, input);
    }

    /** MAC1 of a purchase: over amount, type 06, terminal id, date, time. */
    public static byte[] purchaseMac1(Algorithm algorithm, byte[] sessionKey, long amount, byte[] terminalId, byte[] date, byte[] time) {
        return mac(algorithm, sessionKey, concat(u32(amount), new byte[] {TYPE_PURCHASE}, field("terminal id", terminalId, 6),
                field("date", date, 4), field("time", time, 3)));
    }

    /** MAC2 of a purchase: over the amount. */
    public static byte[] purchaseMac2(Algorithm algorithm, byte[] sessionKey, long amount) {
        return mac(algorithm, sessionKey, u32(amount));
    }

    /** TAC of a purchase, keyed with the card's DTK. */
    public static byte[] purchaseTac(Algorithm algorithm, byte[] dtk, long amount, byte[] terminalId, byte[] terminalSeq,
                                     byte[] date, byte[] time) {
        return mac(algorithm, tacKey(algorithm, dtk), concat(u32(amount), new byte[] {TYPE_PURCHASE},
                field("terminal id", terminalId, 6), field("terminal sequence", terminalSeq, 4),
                field("date", date, 4), field("time", time, 3)));
    }

    /** The card's MAC1 for a load (checked by the center): over old balance, amount, type 02, terminal id. */
    public static byte[] loadMac1(Algorithm algorithm, byte[] sessionKey, long oldBalance, long amount, byte[] terminalId) {
        return mac(algorithm, sessionKey, concat(u32(oldBalance), u32(amount), new byte[] {TYPE_LOAD}, field("terminal id", terminalId, 6)));
    }

    /** The center's MAC2 for a load: over amount, type 02, terminal id, date, time. */
    public static byte[] loadMac2(Algorithm algorithm, byte[] sessionKey, long amount, byte[] terminalId, byte[] date, byte[] time) {
        return mac(algorithm, sessionKey, concat(u32(amount), new byte[] {TYPE_LOAD}, field("terminal id", terminalId, 6),
                field("date", date, 4), field("time", time, 3)));
    }

    /** The card's TAC for a load, keyed with DTK. */
    public static byte[] loadTac(Algorithm algorithm, byte[] dtk, long newBalance, int onlineCounterBefore, long amount,
                                 byte[] terminalId, byte[] date, byte[] time) {
        return mac(algorithm, tacKey(algorithm, dtk), concat(u32(newBalance), u16(onlineCounterBefore), u32(amount),
                new byte[] {TYPE_LOAD}, field("terminal id", terminalId, 6), field("date", date, 4), field("time", time, 3)));
    }

    /** The MAC of an APPLICATION BLOCK command ({@code 84 1E 00 P2 04}), chained from the 8-byte GET CHALLENGE random. */
    public static byte[] applicationBlockMac(Algorithm algorithm, byte[] damk, byte[] challenge, int p2) {
        BlockCiphers.requireLength("challenge", challenge, 8);
        byte[] header = {(byte) 0x84, 0x1E, 0x00, (byte) p2, 0x04};
        byte[] iv = algorithm == Algorithm.TRIPLE_DES ? challenge : Arrays.copyOf(challenge, 16);
        return macWithIv(algorithm, tacKey(algorithm, damk), iv, header);
    }

    /** The MAC key for TAC and APPLICATION BLOCK: left half XOR right half (triple-DES), the key itself (SM4). */
    public static byte[] tacKey(Algorithm algorithm, byte[] key16) {
        BlockCiphers.requireLength("card key", key16, 16);
        if (algorithm == Algorithm.SM4) {
            return key16.clone();
        }
        byte[] k = new byte[8];
        for (int i = 0; i < 8; i++) {
            k[i] = (byte) (key16[i] ^ key16[i + 8]);
        }
        return k;
    }

    /** The spec's MAC: pad 80 00.., CBC from a zero IV (single DES, 8-byte key; or SM4), first 4 bytes of the last block. */
    public static byte[] mac(Algorithm algorithm, byte[] key, byte[] data) {
        return macWithIv(algorithm, key, new byte[algorithm.blockSize()], data);
    }

    private static byte[] macWithIv(Algorithm algorithm, byte[] key, byte[] iv, byte[] data) {
        int bs = algorithm.blockSize();
        byte[] padded = Arrays.copyOf(data, (data.length / bs + 1) * bs);
        padded[data.length] = (byte) 0x80;
        byte[] chain = iv.clone();
        for (int off = 0; off < padded.length; off += bs) {
            for (int i = 0; i < bs; i++) {
                chain[i] ^= padded[off + i];
            }
            chain = algorithm == Algorithm.TRIPLE_DES ? BlockCiphers.des(key, chain) : BlockCiphers.sm4(key, chain);
        }
        return Arrays.copyOf(chain, 4);
    }

    private static byte[] sessionKey(Algorithm algorithm, byte[] cardKey, byte[] input8) {
        if (algorithm == Algorithm.TRIPLE_DES) {
            return BlockCiphers.tripleDes(cardKey, input8);
        }
        byte[] block = Arrays.copyOf(input8, 16);
        block[8] = (byte) 0x80;
        return BlockCiphers.sm4(cardKey, block);
    }

    /** Compares MACs without leaking where they differ through timing. */
    public static boolean macEquals(byte[] expected, byte[] actual) {
        return java.security.MessageDigest.isEqual(expected, actual);
    }

    /** An amount or balance as the card's 4-byte big-endian unsigned field. */
    public static byte[] u32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("amount out of the card's range: " + value);
        }
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** A counter as the card's 2-byte big-endian field. */
    public static byte[] u16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("counter out of range: " + value);
        }
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static byte[] field(String what, byte[] value, int length) {
        BlockCiphers.requireLength(what, value, length);
        return value;
    }

    private static byte[] invert(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) ~b[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

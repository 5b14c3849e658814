package org.medcard.simulator.psam;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.card.Atr;
import org.medcard.simulator.card.StatusException;
import org.medcard.simulator.profile.SimulatorKeys;
import org.medcard.simulator.reader.SimulatedCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PSAM card of {@code card-application.md} ("MEDCARD" + {@code 50}), holding MPK, MTK and MAMK per key
 * version and the terminal id.
 *
 * <p>Where the spec is silent: the terminal sequence starts at the value given (default 0) and each INIT SAM
 * FOR PURCHASE uses the next value (so the first MAC1 carries sequence 1); VERIFY TAC and MAC FOR APPLICATION
 * BLOCK carry no algorithm in their data, so P1 names it ({@code 00} or {@code 02} triple-DES, {@code 04} SM4),
 * and VERIFY TAC's data is the 34 bytes its fields add up to (Lc {@code 22}; the spec's {@code 1F} does not
 * match its own field list).
 *
 * <p><b>The sequence file holds a high-water mark, reserved in blocks</b> (issue 17: writing it for every MAC1
 * cost an fsync per sale). Before a MAC1 uses a number above the mark, the mark is raised to that number plus
 * {@value #SEQUENCE_BLOCK} − 1 and written atomically (temporary file, fsync, rename) <em>before</em> MAC1 is
 * answered; numbers up to the mark are then used from memory. After a restart (or a crash or power cut at any
 * point) the PSAM starts above the mark read from the file. Why no number is ever used twice: every number a
 * MAC1 carried is at most the mark durably on disk when it was answered (it was written first), marks only
 * grow, and a restart starts above the last mark on disk, so above every number used before. A crash skips
 * the unused rest of a block (a gap in the sequence, which the center accepts: it only needs each number
 * once); it never reuses one.
 *
 * <p>Thread-safe (synchronized).
 */
public final class VirtualPsam implements SimulatedCard {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualPsam.class);
    public static final byte[] AID = Hex.parse("F04D45444341524450");

    private final Map<Integer, SimulatorKeys> keysByVersion;
    private final byte[] terminalId;
    /** How many sequence numbers one write of the sequence file reserves. */
    public static final int SEQUENCE_BLOCK = 32;

    private final Path sequenceFile;
    private long terminalSeq;
    /** The high-water mark in the sequence file: numbers up to it may be used without writing. */
    private long reservedUpTo;
    private boolean selected;
    private PendingMac2 pending;

    private record PendingMac2(Algorithm algorithm, byte[] sessionKey, long amount) {
    }

    /**
     * @param keys         master keys, one entry per key version
     * @param terminalId   6 bytes (12 hex digits)
     * @param terminalSeq  the last sequence number used
     * @param sequenceFile where the sequence is kept between runs, or {@code null} for memory only
     */
    public VirtualPsam(Iterable<SimulatorKeys> keys, String terminalId, long terminalSeq, Path sequenceFile) {
        this.keysByVersion = java.util.stream.StreamSupport.stream(keys.spliterator(), false)
                .collect(Collectors.toUnmodifiableMap(SimulatorKeys::keyVersion, Function.identity()));
        byte[] tid = Hex.parse(terminalId);
        if (tid.length != 6) {
            throw new IllegalArgumentException("terminal id must be 6 bytes: " + terminalId);
        }
        if (terminalSeq < 0 || terminalSeq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("terminal sequence out of range: " + terminalSeq);
        }
        this.terminalId = tid;
        this.terminalSeq = terminalSeq;
        this.reservedUpTo = terminalSeq;
        this.sequenceFile = sequenceFile;
    }

    /** A PSAM with one key set, in memory, starting at sequence 0. */
    public VirtualPsam(SimulatorKeys keys, String terminalId) {
        this(java.util.List.of(keys), terminalId, 0, null);
    }

    /**
     * A PSAM whose sequence lives in {@code sequenceFile} (created at 0 when missing); it starts above the
     * high-water mark the file holds.
     */
    public static VirtualPsam withSequenceFile(SimulatorKeys keys, String terminalId, Path sequenceFile) throws IOException {
        long seq = Files.exists(sequenceFile) ? Long.parseLong(Files.readString(sequenceFile).trim()) : 0;
        return new VirtualPsam(java.util.List.of(keys), terminalId, seq, sequenceFile);
    }

    public synchronized long terminalSeq() {
        return terminalSeq;
    }

    public String terminalId() {
        return Hex.of(terminalId);
    }

    @Override
    public byte[] atr() {
        return Atr.psam();
    }

    @Override
    public synchronized void reset() {
        selected = false;
        pending = null;
    }

    @Override
    public String describe() {
        return "PSAM terminal " + Hex.of(terminalId);
    }

    @Override
    public synchronized byte[] process(byte[] raw) {
        CommandApdu c;
        try {
            c = CommandApdu.parse(raw);
        } catch (IllegalArgumentException e) {
            return sw(0x6700);
        }
        PendingMac2 p = pending;
        pending = null; // CREDIT SAM FOR PURCHASE must follow its INIT SAM directly
        try {
            return dispatch(c, p);
        } catch (StatusException e) {
            return sw(e.sw());
        }
    }

    private byte[] dispatch(CommandApdu c, PendingMac2 p) {
        StatusException.require(c.cla() == 0x00 || c.cla() == 0x80, 0x6E00);
        return switch (c.ins()) {
            case 0xA4 -> cla(c, 0x00) ? select(c) : claError();
            case 0xB0 -> cla(c, 0x00) ? readTerminalId(c) : claError();
            case 0x70 -> cla(c, 0x80) ? initSamForPurchase(c) : claError();
            case 0x72 -> cla(c, 0x80) ? creditSamForPurchase(c, p) : claError();
            case 0x7A -> cla(c, 0x80) ? verifyTac(c) : claError();
            case 0x7C -> cla(c, 0x80) ? macForApplicationBlock(c) : claError();
            default -> throw new StatusException(0x6D00);
        };
    }

    private static boolean cla(CommandApdu c, int expected) {
        return c.cla() == expected;
    }

    private static byte[] claError() {
        throw new StatusException(0x6E00);
    }

    private byte[] select(CommandApdu c) {
        StatusException.require(c.p1() == 0x04 && c.p2() == 0x00, 0x6A86);
        selected = false;
        StatusException.require(Arrays.equals(c.data(), AID), 0x6A82);
        selected = true;
        byte[] fci = concat(new byte[] {0x6F, (byte) (AID.length + 2), (byte) 0x84, (byte) AID.length}, AID);
        return ok(fci);
    }

    private byte[] readTerminalId(CommandApdu c) {
        requireSelected();
        StatusException.require(c.p1() == 0x96 && c.p2() == 0x00, c.p1() >= 0x80 ? 0x6A82 : 0x6A86);
        StatusException.require(c.lc() == 0 && (c.le() == 6 || c.le() == 256), 0x6700);
        return ok(terminalId.clone());
    }

    private byte[] initSamForPurchase(CommandApdu c) {
        requireSelected();
        StatusException.require(c.p1() == 0 && c.p2() == 0, 0x6A86);
        StatusException.require(c.lc() == 0x1C && (c.le() == 8 || c.le() == 256), 0x6700);
        byte[] d = c.data();
        byte[] cardRandom = Arrays.copyOfRange(d, 0, 4);
        int counter = ((d[4] & 0xFF) << 8) | (d[5] & 0xFF);
        long amount = u32(d, 6);
        StatusException.require((d[10] & 0xFF) == PurseCrypto.TYPE_PURCHASE, 0x6985);
        byte[] date = Arrays.copyOfRange(d, 11, 15);
        byte[] time = Arrays.copyOfRange(d, 15, 18);
        SimulatorKeys keys = keysFor(d[18] & 0xFF);
        Algorithm algorithm = algorithm(d[19] & 0xFF);
        byte[] div = Arrays.copyOfRange(d, 20, 28);
        StatusException.require(terminalSeq < 0xFFFF_FFFFL, 0x9402);
        long seq = terminalSeq + 1;
        if (seq > reservedUpTo) {
            long mark = Math.min(0xFFFF_FFFFL, seq + SEQUENCE_BLOCK - 1);
            storeSequence(mark); // durable before the MAC1 that uses seq is answered
            reservedUpTo = mark;
        }
        terminalSeq = seq;
        byte[] seqBytes = PurseCrypto.u32(seq);
        byte[] dpk = PurseCrypto.diversify(algorithm, keys.mpkBytes(), div);
        byte[] sk = PurseCrypto.purchaseSessionKey(algorithm, dpk, cardRandom, counter, seqBytes);
        byte[] mac1 = PurseCrypto.purchaseMac1(algorithm, sk, amount, terminalId, date, time);
        pending = new PendingMac2(algorithm, sk, amount);
        return ok(concat(seqBytes, mac1));
    }

    private byte[] creditSamForPurchase(CommandApdu c, PendingMac2 p) {
        requireSelected();
        StatusException.require(c.p1() == 0 && c.p2() == 0, 0x6A86);
        StatusException.require(c.lc() == 4 && c.le() == CommandApdu.NO_LE, 0x6700);
        StatusException.require(p != null, 0x6985);
        boolean valid = PurseCrypto.macEquals(PurseCrypto.purchaseMac2(p.algorithm(), p.sessionKey(), p.amount()), c.data());
        if (!valid) {
            LOG.warn("MAC2 from the card did not verify (amount {} fen): card treated as forged by the terminal", p.amount());
        }
        StatusException.require(valid, 0x9302);
        return sw(0x9000);
    }

    private byte[] verifyTac(CommandApdu c) {
        requireSelected();
        Algorithm algorithm = algorithmFromP1(c.p1());
        SimulatorKeys keys = keysFor(c.p2() == 0 ? defaultKeyVersion() : c.p2());
        StatusException.require(c.lc() == 0x22 && c.le() == CommandApdu.NO_LE, 0x6700);
        byte[] d = c.data();
        byte[] div = Arrays.copyOfRange(d, 0, 8);
        long amount = u32(d, 8);
        StatusException.require((d[12] & 0xFF) == PurseCrypto.TYPE_PURCHASE, 0x6985);
        byte[] tid = Arrays.copyOfRange(d, 13, 19);
        byte[] seq = Arrays.copyOfRange(d, 19, 23);
        byte[] date = Arrays.copyOfRange(d, 23, 27);
        byte[] time = Arrays.copyOfRange(d, 27, 30);
        byte[] tac = Arrays.copyOfRange(d, 30, 34);
        byte[] dtk = PurseCrypto.diversify(algorithm, keys.mtkBytes(), div);
        StatusException.require(PurseCrypto.macEquals(PurseCrypto.purchaseTac(algorithm, dtk, amount, tid, seq, date, time), tac), 0x9302);
        return sw(0x9000);
    }

    private byte[] macForApplicationBlock(CommandApdu c) {
        requireSelected();
        Algorithm algorithm = algorithmFromP1(c.p1());
        StatusException.require(c.p2() == 0x00 || c.p2() == 0x01, 0x6A86);
        StatusException.require(c.lc() == 0x10 && (c.le() == 4 || c.le() == 256), 0x6700);
        byte[] d = c.data();
        byte[] damk = PurseCrypto.diversify(algorithm, keysFor(defaultKeyVersion()).mamkBytes(), Arrays.copyOfRange(d, 0, 8));
        return ok(PurseCrypto.applicationBlockMac(algorithm, damk, Arrays.copyOfRange(d, 8, 16), c.p2()));
    }

    private void requireSelected() {
        StatusException.require(selected, 0x6985);
    }

    private SimulatorKeys keysFor(int version) {
        SimulatorKeys k = keysByVersion.get(version);
        StatusException.require(k != null, 0x9403);
        return k;
    }

    private int defaultKeyVersion() {
        return keysByVersion.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private static Algorithm algorithm(int code) {
        try {
            return Algorithm.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new StatusException(0x9403);
        }
    }

    private static Algorithm algorithmFromP1(int p1) {
        return switch (p1) {
            case 0x00, 0x02 -> Algorithm.TRIPLE_DES;
            case 0x04 -> Algorithm.SM4;
            default -> throw new StatusException(0x6A86);
        };
    }

    /** Writes the high-water mark atomically before any number up to it is used. */
    private void storeSequence(long seq) {
        if (sequenceFile == null) {
            return;
        }
        try {
            Path target = sequenceFile.toAbsolutePath();
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap((seq + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                    ch.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.error("PSAM sequence file {} could not be written; MAC1 refused", sequenceFile, e);
            throw new StatusException(0x6581);
        }
    }

    private static long u32(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static byte[] ok(byte[] data) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) 0x90;
        return out;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

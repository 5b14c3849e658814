package org.medcard.bench;

import java.util.concurrent.TimeUnit;

import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cryptography of one purchase as the terminal side and the center compute it: diversify DPK and DTK,
 * derive the session key, MAC1, MAC2 and the TAC. Inputs are the spec's first test vector.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PurseCryptoBenchmark {

    @Param({"TRIPLE_DES", "SM4"})
    public Algorithm algorithm;

    private final byte[] mpk = Hex.parse("404142434445464748494A4B4C4D4E4F");
    private final byte[] mtk = Hex.parse("505152535455565758595A5B5C5D5E5F");
    private final byte[] div = Hex.parse("0020261122000017");
    private final byte[] random = Hex.parse("1A2B3C4D");
    private final byte[] terminalId = Hex.parse("000000123456");
    private final byte[] seq = Hex.parse("00000101");
    private final byte[] date = Hex.parse("20261122");
    private final byte[] time = Hex.parse("101502");
    private byte[] dpk;

    @Setup
    public void setUp() {
        dpk = PurseCrypto.diversify(algorithm, mpk, div);
    }

    /** Everything a purchase needs, from the master keys. */
    @Benchmark
    public byte[] wholePurchase() {
        byte[] cardDpk = PurseCrypto.diversify(algorithm, mpk, div);
        byte[] dtk = PurseCrypto.diversify(algorithm, mtk, div);
        byte[] sk = PurseCrypto.purchaseSessionKey(algorithm, cardDpk, random, 5, seq);
        PurseCrypto.purchaseMac1(algorithm, sk, 1234, terminalId, date, time);
        PurseCrypto.purchaseMac2(algorithm, sk, 1234);
        return PurseCrypto.purchaseTac(algorithm, dtk, 1234, terminalId, seq, date, time);
    }

    /** One MAC1 from an already diversified DPK (what a PSAM does per sale). */
    @Benchmark
    public byte[] sessionKeyAndMac1() {
        byte[] sk = PurseCrypto.purchaseSessionKey(algorithm, dpk, random, 5, seq);
        return PurseCrypto.purchaseMac1(algorithm, sk, 1234, terminalId, date, time);
    }
}

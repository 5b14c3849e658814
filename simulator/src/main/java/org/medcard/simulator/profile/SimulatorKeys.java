package org.medcard.simulator.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;

/**
 * The simulator's master keys for one key version (TEST keys: they are the spec's test-vector keys and
 * protect nothing). The same 16-byte keys serve both algorithms. Card keys are diversified per card.
 */
public record SimulatorKeys(
        @JsonProperty("key_version") int keyVersion,
        @JsonProperty("mpk") String mpk,
        @JsonProperty("mtk") String mtk,
        @JsonProperty("mlk") String mlk,
        @JsonProperty("mamk") String mamk) {

    public SimulatorKeys {
        if (keyVersion < 1 || keyVersion > 0xFF) {
            throw new IllegalArgumentException("key_version must be 1..255: " + keyVersion);
        }
        for (String k : new String[] {mpk, mtk, mlk, mamk}) {
            if (k == null || !k.matches("[0-9A-Fa-f]{32}")) {
                throw new IllegalArgumentException("master keys must be 16 bytes of hex");
            }
        }
    }

    /** The simulator's default keys, key version 01. */
    public static SimulatorKeys defaults() {
        return new SimulatorKeys(1, "404142434445464748494A4B4C4D4E4F", "505152535455565758595A5B5C5D5E5F",
                "606162636465666768696A6B6C6D6E6F", "707172737475767778797A7B7C7D7E7F");
    }

    @JsonIgnore
    public byte[] mpkBytes() {
        return Hex.parse(mpk);
    }

    @JsonIgnore
    public byte[] mtkBytes() {
        return Hex.parse(mtk);
    }

    @JsonIgnore
    public byte[] mlkBytes() {
        return Hex.parse(mlk);
    }

    @JsonIgnore
    public byte[] mamkBytes() {
        return Hex.parse(mamk);
    }

    /** The four card keys of one card. */
    public CardKeys forCard(Algorithm algorithm, byte[] diversification) {
        return new CardKeys(PurseCrypto.diversify(algorithm, mpkBytes(), diversification),
                PurseCrypto.diversify(algorithm, mlkBytes(), diversification),
                PurseCrypto.diversify(algorithm, mtkBytes(), diversification),
                PurseCrypto.diversify(algorithm, mamkBytes(), diversification));
    }

    /** Keys are not printed. */
    @Override
    public String toString() {
        return "SimulatorKeys[version " + keyVersion + "]";
    }

    /** A card's diversified keys: purchase, load, TAC, application maintenance. */
    public record CardKeys(byte[] dpk, byte[] dlk, byte[] dtk, byte[] damk) {
        public CardKeys {
            dpk = dpk.clone();
            dlk = dlk.clone();
            dtk = dtk.clone();
            damk = damk.clone();
        }

        @Override
        public byte[] dpk() {
            return dpk.clone();
        }

        @Override
        public byte[] dlk() {
            return dlk.clone();
        }

        @Override
        public byte[] dtk() {
            return dtk.clone();
        }

        @Override
        public byte[] damk() {
            return damk.clone();
        }

        @Override
        public String toString() {
            return "CardKeys[hidden]";
        }
    }
}

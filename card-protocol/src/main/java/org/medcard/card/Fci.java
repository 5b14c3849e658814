package org.medcard.card;

import java.util.Arrays;
import java.util.Objects;

import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;

/** The application's FCI from SELECT: AID ({@code 84}), application version ({@code 9F08}), algorithm ({@code C0}). */
public record Fci(byte[] aid, int appVersion, Algorithm algorithm) {

    public Fci {
        if (aid == null || aid.length < 5 || aid.length > 16) {
            throw new IllegalArgumentException("AID must be 5..16 bytes");
        }
        aid = aid.clone();
        if (appVersion < 0 || appVersion > 0xFFFF) {
            throw new IllegalArgumentException("application version out of two bytes: " + appVersion);
        }
        Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public byte[] aid() {
        return aid.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fci f && Arrays.equals(f.aid, aid) && f.appVersion == appVersion && f.algorithm == algorithm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(aid), appVersion, algorithm);
    }

    @Override
    public String toString() {
        return String.format("Fci[aid=%s, version=%04X, %s]", Hex.of(aid), appVersion, algorithm);
    }
}

package org.medcard.terminal.operator;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a per-operator random salt: a real password hash from the JDK, no extra
 * dependency. The iteration count is stored with each hash so it can be raised later without locking
 * anyone out.
 */
public final class PasswordHasher {

    /** OWASP's figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
        this.random = random;
    }

    public int iterations() {
        return iterations;
    }

    /** A salted hash of {@code password}; the caller wipes the password. */
    public Hashed hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new Hashed(salt, derive(password, salt, iterations), iterations);
    }

    /** Whether {@code password} matches, in time that does not depend on where it differs. */
    public static boolean matches(char[] password, Hashed stored) {
        byte[] candidate = derive(password, stored.salt(), stored.iterations());
        try {
            return MessageDigest.isEqual(candidate, stored.hash());
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A stored hash. */
    public record Hashed(byte[] salt, byte[] hash, int iterations) {
        public Hashed {
            salt = salt.clone();
            hash = hash.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }
    }
}

package org.medcard.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Raw ECB block encryption for the three ciphers the purse uses. DES and triple-DES come from the
 * JDK; SM4 from BouncyCastle's lightweight API, so no JCA provider is registered JVM-wide.
 */
final class BlockCiphers {

    private BlockCiphers() {
    }

    /** Single DES with an 8-byte key, one or more 8-byte blocks. */
    static byte[] des(byte[] key8, byte[] data) {
        requireLength("DES key", key8, 8);
        return jdk("DES", key8, data);
    }

    /** Two-key triple-DES (EDE) with a 16-byte key. */
    static byte[] tripleDes(byte[] key16, byte[] data) {
        requireLength("triple-DES key", key16, 16);
        byte[] k24 = Arrays.copyOf(key16, 24);
        System.arraycopy(key16, 0, k24, 16, 8);
        return jdk("DESede", k24, data);
    }

    /** SM4 with a 16-byte key, one or more 16-byte blocks. */
    static byte[] sm4(byte[] key16, byte[] data) {
        requireLength("SM4 key", key16, 16);
        if (data.length % 16 != 0) {
            throw new IllegalArgumentException("SM4 data is not a whole number of blocks: " + data.length);
        }
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key16));
        byte[] out = new byte[data.length];
        for (int off = 0; off < data.length; off += 16) {
            engine.processBlock(data, off, out, off);
        }
        return out;
    }

    private static byte[] jdk(String algorithm, byte[] key, byte[] data) {
        if (data.length % 8 != 0) {
            throw new IllegalArgumentException(algorithm + " data is not a whole number of blocks: " + data.length);
        }
        try {
            Cipher cipher = Cipher.getInstance(algorithm + "/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, algorithm));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }

    static void requireLength(String what, byte[] value, int length) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got "
                    + (value == null ? "null" : value.length));
        }
    }
}

package org.medcard.psam;

/** Argument checks shared by the PSAM value types. */
final class Checks {

    private Checks() {
    }

    static byte[] bytes(String what, byte[] value, int length) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got "
                    + (value == null ? "null" : value.length));
        }
        return value.clone();
    }

    static void keyVersion(int keyVersion) {
        if (keyVersion < 0 || keyVersion > 0xFF) {
            throw new IllegalArgumentException("key version is not a byte: " + keyVersion);
        }
    }

    static void terminalSeq(long seq) {
        if (seq < 0 || seq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("terminal sequence out of 32 bits: " + seq);
        }
    }
}

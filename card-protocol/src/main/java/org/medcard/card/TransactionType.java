package org.medcard.card;

import org.medcard.crypto.PurseCrypto;

/** The purse transaction type byte. */
public enum TransactionType {
    PURCHASE(PurseCrypto.TYPE_PURCHASE), LOAD(PurseCrypto.TYPE_LOAD);

    private final int code;

    TransactionType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static TransactionType fromCode(int code) {
        for (TransactionType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException(String.format("transaction type %02X", code));
    }
}

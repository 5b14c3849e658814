package org.medcard.card;

import java.util.Objects;

import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.psam.TerminalId;

/**
 * The card's answer to INITIALIZE FOR LOAD: what the terminal forwards to the center (host {@code 8501}),
 * which checks MAC1 and computes MAC2 for CREDIT FOR LOAD.
 */
public record LoadIntent(CardNumber cardNo, long amount, TerminalId terminalId, long oldBalance, int onlineCounter,
                         int keyVersion, Algorithm algorithm, byte[] cardRandom, byte[] mac1) {

    public LoadIntent {
        Objects.requireNonNull(cardNo, "cardNo");
        if (amount <= 0) {
            throw new IllegalArgumentException("load amount must be positive: " + amount);
        }
        PurseCrypto.u32(amount);
        Objects.requireNonNull(terminalId, "terminalId");
        PurseCrypto.u32(oldBalance);
        PurseCrypto.u16(onlineCounter);
        if (keyVersion < 0 || keyVersion > 0xFF) {
            throw new IllegalArgumentException("key version is a byte: " + keyVersion);
        }
        Objects.requireNonNull(algorithm, "algorithm");
        if (cardRandom == null || cardRandom.length != 4 || mac1 == null || mac1.length != 4) {
            throw new IllegalArgumentException("card random and MAC1 are 4 bytes each");
        }
        cardRandom = cardRandom.clone();
        mac1 = mac1.clone();
    }

    @Override
    public byte[] cardRandom() {
        return cardRandom.clone();
    }

    @Override
    public byte[] mac1() {
        return mac1.clone();
    }
}

package org.medcard.card;

import java.util.Objects;

import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.psam.TerminalId;

/**
 * A purchase the card has agreed to start (INITIALIZE FOR PURCHASE answered): what the terminal needs to
 * compute MAC1 and, if the card is torn away during DEBIT, to ask GET TRANSACTION PROVE with
 * {@link #offlineCounter()} (the value before the debit).
 */
public record PurchaseIntent(CardNumber cardNo, long amount, TerminalId terminalId, long oldBalance, int offlineCounter,
                             int keyVersion, Algorithm algorithm, byte[] cardRandom) {

    public PurchaseIntent {
        Objects.requireNonNull(cardNo, "cardNo");
        if (amount <= 0) {
            throw new IllegalArgumentException("purchase amount must be positive: " + amount);
        }
        PurseCrypto.u32(amount);
        Objects.requireNonNull(terminalId, "terminalId");
        PurseCrypto.u32(oldBalance);
        PurseCrypto.u16(offlineCounter);
        if (keyVersion < 0 || keyVersion > 0xFF) {
            throw new IllegalArgumentException("key version is a byte: " + keyVersion);
        }
        Objects.requireNonNull(algorithm, "algorithm");
        if (cardRandom == null || cardRandom.length != 4) {
            throw new IllegalArgumentException("card random must be 4 bytes");
        }
        cardRandom = cardRandom.clone();
    }

    @Override
    public byte[] cardRandom() {
        return cardRandom.clone();
    }

    /** Whether the balance covers the amount (the card would answer {@code 9401} to INITIALIZE otherwise). */
    public boolean balanceCovers() {
        return oldBalance >= amount;
    }
}

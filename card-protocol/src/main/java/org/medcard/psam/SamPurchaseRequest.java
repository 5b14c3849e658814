package org.medcard.psam;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;

/**
 * What INIT SAM FOR PURCHASE needs: the card's INITIALIZE FOR PURCHASE answer (random, offline counter,
 * key version, algorithm), the sale (amount, date and time) and the card's diversification data.
 *
 * @param dateTime the transaction date and time as sent in DEBIT FOR PURCHASE (whole seconds)
 */
public record SamPurchaseRequest(byte[] cardRandom, int offlineCounter, long amount, LocalDateTime dateTime,
                                 int keyVersion, Algorithm algorithm, byte[] diversification) {

    public SamPurchaseRequest {
        cardRandom = Checks.bytes("card random", cardRandom, 4);
        diversification = Checks.bytes("diversification data", diversification, 8);
        PurseCrypto.u16(offlineCounter);
        PurseCrypto.u32(amount);
        Checks.keyVersion(keyVersion);
        Objects.requireNonNull(algorithm, "algorithm");
        dateTime = Objects.requireNonNull(dateTime, "dateTime").truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public byte[] cardRandom() {
        return cardRandom.clone();
    }

    @Override
    public byte[] diversification() {
        return diversification.clone();
    }
}

package org.medcard.card;

import java.time.LocalDate;
import java.util.Objects;

/**
 * SFI 01, the card information file.
 *
 * @param region     issuing region, 6-digit administrative division code
 * @param cardType   {@code 01} for an insured-person card
 * @param keyVersion key version of the purchase key (DPK)
 */
public record CardInfo(CardNumber cardNo, String region, int cardType, boolean activated, LocalDate issueDate,
                       LocalDate expiryDate, int keyVersion) {

    public static final int INSURED_PERSON_CARD = 0x01;

    public CardInfo {
        Objects.requireNonNull(cardNo, "cardNo");
        if (region == null || !region.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("region must be 6 digits");
        }
        if (cardType < 0 || cardType > 0xFF || keyVersion < 0 || keyVersion > 0xFF) {
            throw new IllegalArgumentException("card type and key version are single bytes");
        }
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(expiryDate, "expiryDate");
    }

    /** The card's 8-byte diversification data (bytes 2..9 of the serial number). */
    public byte[] diversification() {
        return cardNo.diversification();
    }

    /** Whether the card has expired on {@code today} (the expiry date itself is still valid). */
    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(expiryDate);
    }
}

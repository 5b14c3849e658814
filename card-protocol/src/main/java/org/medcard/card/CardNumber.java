package org.medcard.card;

import java.util.Arrays;

import org.medcard.apdu.Bcd;

/**
 * The card's application serial number ({@code card_no}): 20 decimal digits, 10 BCD bytes in SFI 01.
 * {@link #toString()} is masked so the number cannot leak into logs by accident.
 */
public record CardNumber(String digits) {

    public CardNumber {
        if (digits == null || !digits.matches("[0-9]{20}")) {
            throw new IllegalArgumentException("card number must be 20 digits");
        }
    }

    public byte[] bcd() {
        return Bcd.encode(digits);
    }

    /** The card's diversification data: the last 8 bytes of the BCD serial number. */
    public byte[] diversification() {
        return Arrays.copyOfRange(bcd(), 2, 10);
    }

    /** {@code 110*************0017}: first 3 and last 4 digits. */
    public String masked() {
        return Masking.keepFirst3Last4(digits);
    }

    @Override
    public String toString() {
        return masked();
    }
}

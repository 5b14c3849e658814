package org.medcard.card;

/** Cardholder's sex, tag {@code C3}. */
public enum Sex {
    MALE, FEMALE;

    static Sex fromCode(int code) {
        return switch (code) {
            case 0x01 -> MALE;
            case 0x02 -> FEMALE;
            default -> throw new IllegalArgumentException(String.format("sex code %02X", code));
        };
    }
}

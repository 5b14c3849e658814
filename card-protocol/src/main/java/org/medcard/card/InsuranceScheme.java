package org.medcard.card;

/** Insurance scheme, tag {@code C5}. Business rule R3 (family mutual aid) applies to EMPLOYEE only. */
public enum InsuranceScheme {
    EMPLOYEE, RESIDENT, RURAL;

    static InsuranceScheme fromCode(int code) {
        return switch (code) {
            case 0x01 -> EMPLOYEE;
            case 0x02 -> RESIDENT;
            case 0x03 -> RURAL;
            default -> throw new IllegalArgumentException(String.format("scheme code %02X", code));
        };
    }
}

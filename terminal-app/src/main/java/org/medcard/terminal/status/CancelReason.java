package org.medcard.terminal.status;

/** Why a card was cancelled (R9), as coded in the card's status file and by the center. */
public enum CancelReason {
    ABROAD("abroad"),
    HOUSEHOLD("household"),
    TRANSFER("transfer"),
    DEATH("death");

    private final String key;

    CancelReason(String key) {
        this.key = key;
    }

    /** The suffix of the message key {@code status.cancelled.<reason>}. */
    public String key() {
        return key;
    }

    /** The card's reason byte: 01 abroad, 02 household, 03 transfer, 04 death. */
    public static CancelReason fromCardCode(int code) {
        return switch (code) {
            case 1 -> ABROAD;
            case 2 -> HOUSEHOLD;
            case 3 -> TRANSFER;
            case 4 -> DEATH;
            default -> throw new IllegalArgumentException(String.format("unknown cancel reason %02X", code));
        };
    }
}

package org.medcard.apdu;

import java.util.Map;

/**
 * A two-byte ISO 7816 status word, with the meaning the card specification gives it.
 *
 * <p>Named constants are the status words of {@code card-application.md}; {@link #meaning()} answers
 * for any value, falling back to the ISO 7816-4 family ({@code 63Cx}, {@code 61xx}, {@code 6Cxx}).
 */
public record StatusWord(int value) {

    public static final StatusWord OK = new StatusWord(0x9000);
    public static final StatusWord APPLICATION_BLOCKED = new StatusWord(0x6283);
    public static final StatusWord WRONG_LENGTH = new StatusWord(0x6700);
    public static final StatusWord PIN_BLOCKED = new StatusWord(0x6983);
    public static final StatusWord CONDITIONS_NOT_SATISFIED = new StatusWord(0x6985);
    public static final StatusWord FILE_NOT_FOUND = new StatusWord(0x6A82);
    public static final StatusWord RECORD_NOT_FOUND = new StatusWord(0x6A83);
    public static final StatusWord WRONG_P1P2 = new StatusWord(0x6A86);
    public static final StatusWord INS_NOT_SUPPORTED = new StatusWord(0x6D00);
    public static final StatusWord CLA_NOT_SUPPORTED = new StatusWord(0x6E00);
    public static final StatusWord MAC_INVALID = new StatusWord(0x9302);
    public static final StatusWord APPLICATION_LOCKED = new StatusWord(0x9303);
    public static final StatusWord INSUFFICIENT_BALANCE = new StatusWord(0x9401);
    public static final StatusWord COUNTER_AT_MAXIMUM = new StatusWord(0x9402);
    public static final StatusWord KEY_INDEX_NOT_SUPPORTED = new StatusWord(0x9403);
    public static final StatusWord NO_SUCH_TRANSACTION = new StatusWord(0x9406);

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(0x9000, "success"),
            Map.entry(0x6283, "application temporarily blocked"),
            Map.entry(0x6700, "wrong length"),
            Map.entry(0x6983, "PIN blocked"),
            Map.entry(0x6985, "conditions of use not satisfied"),
            Map.entry(0x6A82, "application or file not found"),
            Map.entry(0x6A83, "record not found"),
            Map.entry(0x6A86, "wrong P1/P2"),
            Map.entry(0x6D00, "instruction not supported"),
            Map.entry(0x6E00, "class not supported"),
            Map.entry(0x9302, "MAC invalid"),
            Map.entry(0x9303, "application permanently locked"),
            Map.entry(0x9401, "insufficient balance"),
            Map.entry(0x9402, "transaction counter at its maximum"),
            Map.entry(0x9403, "key index not supported"),
            Map.entry(0x9406, "no such transaction (MAC/TAC not available)"));

    public StatusWord {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("status word out of range: " + value);
        }
    }

    public static StatusWord of(int value) {
        return value == 0x9000 ? OK : new StatusWord(value);
    }

    public static StatusWord of(int sw1, int sw2) {
        return of(((sw1 & 0xFF) << 8) | (sw2 & 0xFF));
    }

    public int sw1() {
        return value >> 8;
    }

    public int sw2() {
        return value & 0xFF;
    }

    public boolean isSuccess() {
        return value == 0x9000;
    }

    /** {@code 63Cx}: wrong PIN, x tries left. */
    public boolean isWrongPin() {
        return (value & 0xFFF0) == 0x63C0;
    }

    /** Tries left for {@code 63Cx}, or -1. */
    public int triesLeft() {
        return isWrongPin() ? value & 0x0F : -1;
    }

    /** {@code 61XX}: XX more bytes are waiting for GET RESPONSE. */
    public boolean isMoreData() {
        return sw1() == 0x61;
    }

    /** {@code 6CXX}: resend with Le = XX. */
    public boolean isWrongLe() {
        return sw1() == 0x6C;
    }

    public String hex() {
        return String.format("%04X", value);
    }

    public String meaning() {
        String known = MEANINGS.get(value);
        if (known != null) {
            return known;
        }
        if (isWrongPin()) {
            return "wrong PIN, " + triesLeft() + " tries left";
        }
        if (isMoreData()) {
            return sw2() + " bytes available with GET RESPONSE";
        }
        if (isWrongLe()) {
            return "wrong Le, " + sw2() + " bytes available";
        }
        return "unknown status";
    }

    @Override
    public String toString() {
        return hex() + " (" + meaning() + ")";
    }
}

package org.medcard.card;

import java.util.Locale;

/**
 * A resident identity card number (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character
 * ({@code 0..9} or {@code X}). Validated on construction; {@link #toString()} is masked. The one owner of the
 * check digit and of masking for the terminal and the offline queue (which keeps numbers as text).
 */
public record IdNumber(String value) {

    private static final String CHECK_CHARS = "10X98765432";

    public IdNumber {
        if (value == null || !isValid(value)) {
            throw new IllegalArgumentException("not a valid ID number (18 characters with a MOD 11-2 check digit)");
        }
    }

    /** Parses what a cashier typed: surrounding blanks dropped, a lower-case {@code x} accepted. */
    public static IdNumber parse(String typed) {
        return new IdNumber(typed.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether {@code s} is 17 digits followed by the right ISO 7064 MOD 11-2 check character; null is not. */
    public static boolean isValid(String s) {
        if (s == null || s.length() != 18 || !s.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return s.charAt(17) == checkCharacter(s.substring(0, 17));
    }

    /** As {@link #isValid}, for a number kept as typed or stored: a lower-case {@code x} is accepted too. */
    public static boolean isValidIgnoringCase(String s) {
        return s != null && isValid(s.toUpperCase(Locale.ROOT));
    }

    /**
     * @throws IllegalArgumentException naming the masked number when it is not {@link #isValidIgnoringCase valid}
     */
    public static String requireValid(String s) {
        if (!isValidIgnoringCase(s)) {
            throw new IllegalArgumentException("ID number is not valid (18 characters, MOD 11-2 check digit): " + mask(s));
        }
        return s;
    }

    /**
     * An identifying number kept as text (an ID or card number in a log line, a screen, an export) masked:
     * {@code 110***********0017}, first 3 and last 4 characters; null stays null.
     */
    public static String mask(String value) {
        return value == null ? null : Masking.keepFirst3Last4(value);
    }

    /** The MOD 11-2 check character of 17 digits: weights 2^(17-i) mod 11, remainder mapped by 1-0-X-9…2. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits, got " + first17.length());
        }
        int sum = 0;
        int weight = 1;
        for (int i = 16; i >= 0; i--) {
            weight = (weight * 2) % 11;
            int d = first17.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += d * weight;
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** {@code 110***********0017}: first 3 and last 4 characters. */
    public String masked() {
        return Masking.keepFirst3Last4(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}

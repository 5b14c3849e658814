package org.medcard.simulator.profile;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The 18-character resident ID number (GB 11643): its ISO 7064 MOD 11-2 check digit, birth date, and masking for logs. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /** The check character (0-9 or X) for the first 17 digits. */
    public static char checkDigit(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("need 17 digits for an ID check digit");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** True when the value is 17 digits followed by the right check character. */
    public static boolean isValid(String id) {
        if (id == null || !id.matches("\\d{17}[0-9X]")) {
            return false;
        }
        return checkDigit(id.substring(0, 17)) == id.charAt(17) && birthDate(id) != null;
    }

    /** The birth date written in positions 7-14, or {@code null} when it is not a date. */
    static LocalDate birthDate(String id) {
        try {
            return LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Odd 17th digit = male, even = female. */
    static boolean isMale(String id) {
        return (id.charAt(16) - '0') % 2 == 1;
    }

    /** Keeps the first 3 and last 4 characters: {@code 110***********0017}. Used for ID and card numbers in logs and on screen. */
    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= 7) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }
}

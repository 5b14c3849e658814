package org.medcard.queue;

/** Chinese resident ID numbers (GB 11643, ISO 7064 MOD 11-2 check digit) and masking for logs. */
public final class IdNumbers {
    private IdNumbers() {
    }

    /** True for 17 digits followed by the correct check character (digit or X). */
    public static boolean isValid(String id) {
        if (id == null || !id.matches("\\d{17}[0-9Xx]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (1 << (17 - i)) % 11;
            sum += (id.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return Character.toUpperCase(id.charAt(17)) == expected;
    }

    static void requireValid(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("ID number is not valid (18 characters, MOD 11-2 check digit): "
                    + mask(id));
        }
    }

    /** Keeps the first 3 and last 4 characters: {@code 110***********0017}. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= 7) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }
}

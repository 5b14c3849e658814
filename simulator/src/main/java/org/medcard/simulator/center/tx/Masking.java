package org.medcard.simulator.center.tx;

/** Masks card and ID numbers for logs: first 3 and last 4 characters kept. */
public final class Masking {
    private Masking() {
    }

    public static String card(String number) {
        if (number == null || number.length() <= 7) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }
}

package org.medcard.card;

/** Masks identifying numbers for logs and screens: first 3 and last 4 characters kept. */
final class Masking {

    private Masking() {
    }

    static String keepFirst3Last4(String s) {
        if (s.length() <= 7) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
    }
}

package org.medcard.terminal.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks ID-card numbers (18 characters, last may be X) and card numbers (20 digits) wherever they appear
 * in free text: the first 3 and last 4 characters stay, the rest become {@code *}
 * ({@code 110***********0017}). Used by the log layout, so a number that slips into a message is still
 * masked on disk.
 */
public final class SensitiveNumbers {

    /** 15 to 20 digits (an optional trailing X for ID numbers), not part of a longer run of digits or letters. */
    private static final Pattern NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{14,19}[\\dXx])(?![0-9A-Za-z])");

    private SensitiveNumbers() {
    }

    /** The text with every ID or card number masked. */
    public static String maskAll(String text) {
        if (text == null || text.length() < 15) {
            return text;
        }
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = null;
        while (m.find()) {
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group(1))));
        }
        if (out == null) {
            return text;
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One number masked: the first 3 and last 4 characters kept. */
    public static String mask(String number) {
        if (number.length() <= 7) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }
}

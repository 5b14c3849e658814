package org.medcard.terminal.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medcard.card.IdNumber;

/**
 * Masks ID-card numbers (18 characters, last may be X) and card numbers (20 digits, or 20 hex digits as the purse
 * record and the queue's rows spell {@code card_no}) wherever they appear in free text: the first 3 and last 4
 * characters stay, the rest become {@code *} ({@code 110***********0017}). Used by the log layout, so a number that
 * slips into a message is still masked on disk, and by the CLI's journal views ({@code queue tamper show}).
 */
public final class SensitiveNumbers {

    /**
     * 15 to 20 digits (an optional trailing X for ID numbers), or 20 hex digits with at least one digit (a card number
     * in hex; a word of letters is not one), not part of a longer run of digits or letters (a 64-digit HMAC, a msgid).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(\\d{14,19}[\\dXx]|(?=[A-Fa-f]*\\d)[0-9A-Fa-f]{20})(?![0-9A-Za-z])");

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

    /** One number masked: the first 3 and last 4 characters kept (the card library's one rule, {@link IdNumber#mask}). */
    public static String mask(String number) {
        return IdNumber.mask(number);
    }
}

package org.medcard.terminal.config;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Yuan as the configuration writes them ("500.00", "500", "¥500.5") to integer fen, exactly; never through floating
 * point. {@code .} is the only decimal separator and there are no thousands separators: "500,00" is refused
 * (read as a decimal comma by half the world and as a thousands separator by the other half, it used to become
 * 50000.00), and so are "20.000,00", "1 000" and exponents ("1e3").
 */
public final class Money {

    /** The most yuan that fit a {@code long} of fen. */
    private static final BigDecimal MAX_YUAN = BigDecimal.valueOf(Long.MAX_VALUE, 2);
    /** Digits, optionally a '.' and one or two decimals: nothing else (no sign, exponent, separator or space). */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,2})?");

    private Money() {
    }

    /**
     * Parses an amount in yuan with at most two decimals.
     *
     * @throws NumberFormatException naming what is wrong
     */
    public static long parseYuan(String text) {
        String clean = text.trim();
        if (clean.startsWith("¥")) {
            clean = clean.substring(1).trim();
        }
        if (clean.indexOf(',') >= 0 || clean.indexOf('，') >= 0) {
            throw new NumberFormatException("'" + text + "' has a comma: write yuan with '.' as the decimal separator and"
                    + " no thousands separators (500.00, 20000.00)");
        }
        if (clean.matches("[0-9]+\\.[0-9]{3,}")) {
            throw new NumberFormatException("'" + text + "' has more than two decimals (fen are the smallest unit)");
        }
        if (!AMOUNT.matcher(clean).matches()) {
            throw new NumberFormatException("'" + text + "' is not an amount in yuan: digits, then at most one '.' and"
                    + " two decimals (write e.g. 500.00)");
        }
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(clean);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "' is not an amount in yuan (write e.g. 500.00)");
        }
        if (yuan.signum() < 0) {
            throw new NumberFormatException("'" + text + "' is negative");
        }
        if (yuan.compareTo(MAX_YUAN) > 0) {
            // Checked before scaling: "1E+100000000" would make movePointRight compute 10^100000000 (the hang fuzzing
            // found in the host client's ratio parsing, Answers.ratioBasisPoints).
            throw new NumberFormatException("'" + text + "' is too large an amount");
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new NumberFormatException("'" + text + "' has more than two decimals (fen are the smallest unit)");
        }
        try {
            return yuan.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            // 1e30, 1E+2147483647: beyond a long of fen (found by fuzzing the configuration loader).
            throw new NumberFormatException("'" + text + "' is too large an amount");
        }
    }

    /** Fen as yuan with two decimals, e.g. 50000 → "500.00". */
    public static String formatYuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}

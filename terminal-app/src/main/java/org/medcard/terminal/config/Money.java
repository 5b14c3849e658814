package org.medcard.terminal.config;

import java.math.BigDecimal;

/** Yuan as people write them ("500.00", "1,000") to integer fen, exactly; never through floating point. */
public final class Money {

    /** The most yuan that fit a {@code long} of fen. */
    private static final BigDecimal MAX_YUAN = BigDecimal.valueOf(Long.MAX_VALUE, 2);

    private Money() {
    }

    /**
     * Parses an amount in yuan with at most two decimals.
     *
     * @throws NumberFormatException naming what is wrong
     */
    public static long parseYuan(String text) {
        String clean = text.trim().replace(",", "").replace("¥", "");
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

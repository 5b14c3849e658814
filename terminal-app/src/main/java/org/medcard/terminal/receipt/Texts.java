package org.medcard.terminal.receipt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.medcard.terminal.config.Money;

/** Formatting shared by the documents; independent of the default locale on purpose. */
final class Texts {

    /** The host protocol's time format; fixed pattern, so the locale cannot change it. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    /** Shown where a value does not exist (no card read, not yet settled). */
    static final String NONE = "—";

    private Texts() {
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    static long requireFen(long fen, String name) {
        if (fen < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + fen + " fen");
        }
        return fen;
    }

    /** Fen as yuan with two decimals (BigDecimal, never floating point). */
    static String yuan(long fen) {
        return Money.formatYuan(fen);
    }

    static String time(LocalDateTime t) {
        return TIME.format(t);
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}

package org.medcard.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The institution's local date and time formats of host-protocol.md, in the clock's zone. */
final class LocalTimes {
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** Stored instants: UTC with fixed milliseconds, so that text order is time order (MIN, ORDER BY). */
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private LocalTimes() {
    }

    static String stamp(Instant at) {
        return STAMP.format(at);
    }

    static LocalDateTime local(Clock clock, Instant at) {
        return LocalDateTime.ofInstant(at, clock.getZone());
    }

    /** Fen as yuan for messages to people: 50000 becomes "500.00". */
    static String yuan(long fen) {
        long abs = Math.abs(fen);
        String cents = Long.toString(abs % 100);
        return (fen < 0 ? "-" : "") + abs / 100 + "." + (cents.length() == 1 ? "0" + cents : cents);
    }

    /** Zero-padded decimal, independent of the default locale. */
    static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}

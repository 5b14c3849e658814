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
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), java.time.ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return STAMP.format(at);
        }
        // by hand, as STAMP prints it: every journal line and row carries one, on the path of every durable record
        char[] c = new char[24];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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

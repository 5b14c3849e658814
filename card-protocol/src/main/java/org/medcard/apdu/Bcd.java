package org.medcard.apdu;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Packed BCD as the card stores numbers: two decimal digits per byte, high nibble first. Dates are
 * {@code YYYYMMDD} in 4 bytes, times {@code HHMMSS} in 3 bytes.
 *
 * <p>Encoding checks its arguments ({@link IllegalArgumentException}); decoding reads card answers, so a
 * nibble above 9 or an impossible date is a {@link MalformedResponseException} naming the field.
 */
public final class Bcd {

    private Bcd() {
    }

    /** Packs an even number of decimal digits. */
    public static byte[] encode(String digits) {
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of BCD digits: " + digits.length());
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(digits.charAt(2 * i)) << 4) | digit(digits.charAt(2 * i + 1)));
        }
        return out;
    }

    /** Unpacks {@code length} bytes from {@code offset} into {@code 2 * length} digits. */
    public static String decode(byte[] data, int offset, int length, String field) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new MalformedResponseException(field + ": " + length + " BCD bytes at offset " + offset
                    + " do not fit in " + data.length + " bytes");
        }
        StringBuilder sb = new StringBuilder(2 * length);
        for (int i = offset; i < offset + length; i++) {
            int hi = (data[i] >> 4) & 0x0F;
            int lo = data[i] & 0x0F;
            if (hi > 9 || lo > 9) {
                throw new MalformedResponseException(String.format("%s: byte %02X at offset %d is not BCD", field, data[i], i));
            }
            sb.append((char) ('0' + hi)).append((char) ('0' + lo));
        }
        return sb.toString();
    }

    /** A date as 4 BCD bytes {@code YYYYMMDD}. */
    public static byte[] date(LocalDate date) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year does not fit in 4 BCD digits: " + date.getYear());
        }
        return encode(String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
    }

    /** A time as 3 BCD bytes {@code HHMMSS} (fractions of a second are dropped). */
    public static byte[] time(LocalTime time) {
        return encode(String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond()));
    }

    /** Reads a 4-byte BCD date; not BCD or not a calendar date is malformed. */
    public static LocalDate toDate(byte[] data, int offset, String field) {
        String s = decode(data, offset, 4, field);
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new MalformedResponseException(field + ": " + s + " is not a date", e);
        }
    }

    /** Reads a 3-byte BCD time. */
    public static LocalTime toTime(byte[] data, int offset, String field) {
        String s = decode(data, offset, 3, field);
        try {
            return LocalTime.of(Integer.parseInt(s.substring(0, 2)), Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(4, 6)));
        } catch (DateTimeException e) {
            throw new MalformedResponseException(field + ": " + s + " is not a time", e);
        }
    }

    /** Whether {@code length} bytes from {@code offset} are all zero (an unset date, say). */
    public static boolean isZero(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a decimal digit: '" + c + "'");
        }
        return c - '0';
    }
}

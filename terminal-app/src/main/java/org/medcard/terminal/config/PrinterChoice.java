package org.medcard.terminal.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where receipts are printed, as the {@code printer} setting writes it: {@code none}, {@code os:PRINTER NAME}
 * (through the operating system's spooler), or {@code escpos:DEVICE} with an optional {@code @BAUD}
 * ({@code escpos:/dev/ttyUSB1@19200}, {@code escpos:COM3@9600}; 9600 when left out) for a thermal printer on a
 * serial port. The baud rate rides in the same value because it belongs to that one port: a separate key would
 * be silently ignored for {@code os:} printers and could be left behind when the printer changes.
 *
 * @param baud the serial speed; 0 unless ESC/POS
 */
public record PrinterChoice(Kind kind, String target, int baud) {

    /** The speed most ESC/POS thermal printers ship with. */
    public static final int DEFAULT_BAUD = 9600;

    public enum Kind { NONE, OS, ESCPOS }

    public PrinterChoice {
        Objects.requireNonNull(kind, "kind");
        target = target == null ? "" : target.trim();
        if (kind != Kind.NONE && target.isEmpty()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + ": needs a printer name or device after the colon");
        }
    }

    public static PrinterChoice none() {
        return new PrinterChoice(Kind.NONE, "", 0);
    }

    /**
     * Parses the setting.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static PrinterChoice parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("none")) {
            return none();
        }
        if (t.startsWith("os:")) {
            return new PrinterChoice(Kind.OS, t.substring(3), 0);
        }
        if (!t.startsWith("escpos:")) {
            throw new IllegalArgumentException("'" + t + "' is not a printer choice");
        }
        String rest = t.substring("escpos:".length());
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            return new PrinterChoice(Kind.ESCPOS, rest, DEFAULT_BAUD);
        }
        String baudText = rest.substring(at + 1);
        int baud;
        try {
            baud = Integer.parseInt(baudText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("baud rate '" + baudText + "' is not a number");
        }
        if (baud < 1200 || baud > 921600) {
            throw new IllegalArgumentException("baud rate " + baud + " is outside 1200–921600");
        }
        return new PrinterChoice(Kind.ESCPOS, rest.substring(0, at), baud);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case OS -> "os:" + target;
            case ESCPOS -> "escpos:" + target + "@" + baud;
        };
    }
}

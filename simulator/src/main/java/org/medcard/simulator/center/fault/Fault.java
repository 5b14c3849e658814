package org.medcard.simulator.center.fault;

import java.util.Locale;

/**
 * One injected fault: its kind, a delay for {@link FaultKind#SLOW}, and how many requests it affects
 * ({@code count} {@code <= 0}: every request until cleared).
 */
public record Fault(FaultKind kind, long millis, int count) {

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("fault kind missing");
        }
        if (kind == FaultKind.SLOW && millis <= 0) {
            throw new IllegalArgumentException("SLOW needs a positive delay in millis");
        }
        if (millis < 0) {
            throw new IllegalArgumentException("millis must not be negative");
        }
    }

    public static Fault always(FaultKind kind) {
        return new Fault(kind, 0, 0);
    }

    public boolean counted() {
        return count > 0;
    }

    /**
     * Parses the command-line form {@code KIND[:N]}: N is the delay for SLOW, the number of requests for
     * HTTP_500, ANSWER_LOST and BAD_SIGN_NO (absent: all). Kinds are case-insensitive; {@code -} may
     * stand for {@code _}.
     */
    public static Fault parse(String text) {
        String[] parts = text.trim().split(":", 2);
        FaultKind kind;
        try {
            kind = FaultKind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault '" + parts[0] + "'; known: " + java.util.Arrays.toString(FaultKind.values()));
        }
        long n = 0;
        if (parts.length == 2) {
            try {
                n = Long.parseLong(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[1] + "' is not a number in fault '" + text + "'");
            }
        }
        if (kind == FaultKind.SLOW) {
            return new Fault(kind, n, 0);
        }
        return new Fault(kind, 0, (int) n);
    }
}

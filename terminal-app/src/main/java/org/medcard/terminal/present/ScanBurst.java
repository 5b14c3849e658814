package org.medcard.terminal.present;

import java.util.Optional;

/**
 * Tells a barcode scanner's burst from typing by its speed (issue 15): at least {@link #MIN_CHARS} characters, each
 * less than {@link #MAX_GAP_MS} after the one before, ending in Enter. A person types 5 to 10 keys a second (100 ms
 * and more between keys); a scanner sends its code in a few milliseconds per key. Fed with the key events' own
 * times, so it is tested without a display. Event thread only.
 */
public final class ScanBurst {

    public static final int MIN_CHARS = 6;
    public static final long MAX_GAP_MS = 30;

    private final StringBuilder run = new StringBuilder();
    private long lastAt;

    /** A character typed at {@code atMs}: it continues the fast run, or starts a new one after a pause. */
    public void typed(char c, long atMs) {
        if (run.length() > 0 && atMs - lastAt >= MAX_GAP_MS) {
            run.setLength(0);
        }
        run.append(c);
        lastAt = atMs;
    }

    /** Enter at {@code atMs}: the scanned code when it ended a scanner's burst, else empty. Starts afresh either way. */
    public Optional<String> enter(long atMs) {
        boolean burst = run.length() >= MIN_CHARS && atMs - lastAt < MAX_GAP_MS;
        String code = run.toString();
        run.setLength(0);
        return burst ? Optional.of(code) : Optional.empty();
    }
}

package org.medcard.terminal.sale;

/**
 * Where the cardholder's PIN comes from (a PIN pad, the CLI's stdin, a test). The sale wipes the returned
 * array after VERIFY PIN; the PIN is never logged or kept. Returns null when no PIN was given.
 */
@FunctionalInterface
public interface PinSource {

    /** A source that has no PIN (sales below the exemption only). */
    PinSource NONE = () -> null;

    char[] pin();
}

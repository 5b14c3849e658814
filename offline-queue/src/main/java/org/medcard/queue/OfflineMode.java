package org.medcard.queue;

/**
 * Configuration {@code offline.mode} (business rule R11): what the terminal does while the center is unreachable.
 * The names are the configuration's values; the terminal reads them into this enum.
 */
public enum OfflineMode {
    /**
     * Card and PSAM work, center unreachable: debit the personal-account share offline within the limits and
     * forward it later (case 1).
     */
    STORE_AND_FORWARD,
    /** The literal reading of R11: never debit offline, every sale during a fault is paid in cash. */
    CASH_RESETTLE
}

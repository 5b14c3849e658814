package org.medcard.queue;

/** Configuration {@code offline.mode} (business rule R11, case 1). */
public enum OfflineMode {
    /** Card and PSAM work, center unreachable: debit the personal-account share offline within the limits. */
    DEBIT_WITHIN_LIMITS,
    /** The literal reading of R11: never debit offline, every sale during a fault is paid in cash. */
    CASH_RESETTLE
}

package org.medcard.terminal.config;

/** What the terminal does while the center is unreachable (business rule R11, "Faults and re-settlement"). */
public enum OfflineMode {
    /** Debit the personal-account share offline within the limits and forward it later (case 1). */
    STORE_AND_FORWARD,
    /** The literal reading of R11: the patient pays cash and the sale becomes a re-settlement entry (case 2). */
    CASH_RESETTLE
}

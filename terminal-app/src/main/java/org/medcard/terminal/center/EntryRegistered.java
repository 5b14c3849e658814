package org.medcard.terminal.center;

/** Host {@code 8400}: the cash-paid entry is known to the center (a resend answers {@code alreadyRegistered}). */
public record EntryRegistered(String entryNo, boolean registered, boolean alreadyRegistered) {
}

package org.medcard.queue;

import java.util.Objects;

/**
 * Who this terminal is, as the center and the card see it.
 *
 * @param institutionCode the designated institution's code, 12 characters (first part of every msgid)
 * @param terminalNo      the terminal's number within the institution, 0..99 (two msgid digits)
 * @param terminalId      the terminal id written to the card in a purchase, 12 hex digits
 */
public record TerminalIdentity(String institutionCode, int terminalNo, String terminalId) {
    public TerminalIdentity {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(terminalId, "terminalId");
        if (institutionCode.length() != 12) {
            throw new IllegalArgumentException("institution code must be 12 characters: " + institutionCode);
        }
        if (terminalNo < 0 || terminalNo > 99) {
            throw new IllegalArgumentException("terminal number must be 0..99: " + terminalNo);
        }
        if (!terminalId.matches("[0-9A-Fa-f]{12}")) {
            throw new IllegalArgumentException("terminal id must be 12 hex digits: " + terminalId);
        }
    }
}

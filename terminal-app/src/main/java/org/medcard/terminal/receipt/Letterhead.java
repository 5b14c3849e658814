package org.medcard.terminal.receipt;

import java.time.Clock;

/**
 * What this terminal prints at the top of every document, stamped with the operator and the time of the act: the
 * one place the configuration becomes a {@link ReceiptHeader} (the desks building documents take this, not the
 * configuration).
 *
 * @param terminalId the terminal's {@code dev_no} (e.g. T01)
 */
public record Letterhead(String institutionCode, String institutionName, String terminalId, boolean trainingMode, Clock clock) {

    /** The header of a document issued now by {@code operator}. */
    public ReceiptHeader stamp(String operator) {
        return ReceiptHeader.now(institutionCode, institutionName, terminalId, operator, trainingMode, clock);
    }
}
